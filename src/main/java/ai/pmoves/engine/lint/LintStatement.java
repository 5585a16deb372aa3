package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlToken;
import ai.pmoves.engine.sql.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A statement as the rules see it: its text and position, and its tokens, read on first use and kept. Rules ask cheap
 * questions first ({@link #startsWith}, {@link #mentions}), so the tens of thousands of INSERTs of a large seed are
 * never tokenized.
 */
public final class LintStatement {
    /** Languages whose bodies are SQL, so their code can be read with the SQL tokenizer. */
    private static final Set<String> SQL_LANGUAGES = Set.of("plpgsql", "sql");

    private final SqlStatement statement;
    private List<SqlToken> tokens;

    LintStatement(SqlStatement statement) {
        this.statement = statement;
    }

    /** The statement as the lexer split it (text, position, first words). */
    public SqlStatement statement() {
        return statement;
    }

    /**
     * Its tokens: strings, comments and dollar bodies are single tokens or none, so no rule looks inside them by
     * accident.
     */
    public List<SqlToken> tokens() {
        if (tokens == null) {
            tokens = SqlTokens.of(statement.sql());
        }
        return tokens;
    }

    /** Whether the statement starts with these bare words (upper case). */
    public boolean startsWith(String... words) {
        // The lexer's first words answer "no" for nearly every statement without tokenizing it.
        List<String> first = statement.words();
        if (first.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!first.get(i).equals(words[i])) {
                return false;
            }
        }
        return Tokens.wordsAt(tokens(), 0, words);
    }

    /**
     * Whether the text holds {@code lowerCase} in any case, comments and strings included: a quick test that a token
     * or body could be there at all.
     */
    boolean mentions(String lowerCase) {
        String sql = statement.sql();
        for (int i = sql.length() - lowerCase.length(); i >= 0; i--) {
            if (sql.regionMatches(true, i, lowerCase, 0, lowerCase.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether this is {@code CREATE [OR REPLACE] FUNCTION} or {@code … PROCEDURE}. */
    boolean isRoutine() {
        return startsWith("CREATE", "FUNCTION") || startsWith("CREATE", "PROCEDURE")
                || startsWith("CREATE", "OR", "REPLACE", "FUNCTION") || startsWith("CREATE", "OR", "REPLACE", "PROCEDURE");
    }

    /**
     * Every token list that is code run by this statement: its own tokens first, then the bodies of a DO block or
     * of a SQL or PL/pgSQL function, and the dollar-quoted strings inside those (dynamic SQL such as
     * {@code EXECUTE $q$…$q$}). A dollar-quoted string used as a value ({@code COMMENT … IS $$…$$}) is not code.
     */
    List<List<SqlToken>> code() {
        List<List<SqlToken>> code = new ArrayList<>();
        List<SqlToken> t = tokens();
        code.add(t);
        boolean block = startsWith("DO");
        boolean routine = isRoutine();
        if ((block || routine) && inSqlLanguage()) {
            for (int i = 1; i < t.size(); i++) {
                if (t.get(i).kind() == SqlToken.Kind.DOLLAR_STRING && (block || t.get(i - 1).isWord("AS"))) {
                    addBody(t.get(i), code);
                }
            }
        }
        return code;
    }

    private boolean inSqlLanguage() {
        List<SqlToken> t = tokens();
        int language = Tokens.indexOfWord(t, 1, "LANGUAGE");
        return language < 0 || language + 1 >= t.size() || SQL_LANGUAGES.contains(languageName(t.get(language + 1)));
    }

    /** A language as PostgreSQL reads it: a name ({@code plpgsql}, {@code "plpgsql"}) or a string ({@code 'plpgsql'}). */
    private static String languageName(SqlToken token) {
        if (token.kind() == SqlToken.Kind.STRING && token.text().startsWith("'") && token.text().endsWith("'")) {
            return token.text().substring(1, token.text().length() - 1).toLowerCase(java.util.Locale.ROOT);
        }
        return token.name() == null ? "" : token.name();
    }

    private static void addBody(SqlToken body, List<List<SqlToken>> code) {
        List<SqlToken> inner = SqlTokens.inside(body);
        code.add(inner);
        for (SqlToken t : inner) {
            if (t.kind() == SqlToken.Kind.DOLLAR_STRING) {
                addBody(t, code);
            }
        }
    }
}
