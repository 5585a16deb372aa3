package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlToken;
import ai.pmoves.engine.sql.SqlTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A statement with its tokens, read once and shared by every rule.
 *
 * @param statement the statement as the lexer split it (text, position)
 * @param tokens    its tokens; strings, comments and dollar bodies are single tokens or none, so no rule looks inside
 *                  them by accident
 */
public record LintStatement(SqlStatement statement, List<SqlToken> tokens) {
    /** Languages whose bodies are SQL, so their code can be read with the SQL tokenizer. */
    private static final Set<String> SQL_LANGUAGES = Set.of("plpgsql", "sql");

    static LintStatement of(SqlStatement statement) {
        return new LintStatement(statement, SqlTokens.of(statement.sql()));
    }

    /** Whether the statement starts with these bare words. */
    public boolean startsWith(String... words) {
        return Tokens.wordsAt(tokens, 0, words);
    }

    /** Whether this is {@code CREATE [OR REPLACE] FUNCTION} or {@code … PROCEDURE}. */
    boolean isRoutine() {
        int i = Tokens.skip(tokens, 1, "OR", "REPLACE");
        return startsWith("CREATE") && (Tokens.wordsAt(tokens, i, "FUNCTION") || Tokens.wordsAt(tokens, i, "PROCEDURE"));
    }

    /**
     * Every token list that is code run by this statement: its own tokens first, then the bodies of a DO block or
     * of a SQL or PL/pgSQL function, and the dollar-quoted strings inside those (dynamic SQL such as
     * {@code EXECUTE $q$…$q$}). A dollar-quoted string used as a value ({@code COMMENT … IS $$…$$}) is not code.
     */
    List<List<SqlToken>> code() {
        List<List<SqlToken>> code = new ArrayList<>();
        code.add(tokens);
        boolean block = startsWith("DO");
        boolean routine = isRoutine();
        if ((block || routine) && inSqlLanguage()) {
            for (int i = 1; i < tokens.size(); i++) {
                SqlToken t = tokens.get(i);
                if (t.kind() == SqlToken.Kind.DOLLAR_STRING && (block || tokens.get(i - 1).isWord("AS"))) {
                    addBody(t, code);
                }
            }
        }
        return code;
    }

    private boolean inSqlLanguage() {
        int language = Tokens.indexOfWord(tokens, 1, "LANGUAGE");
        return language < 0 || language + 1 >= tokens.size() || SQL_LANGUAGES.contains(tokens.get(language + 1).name());
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
