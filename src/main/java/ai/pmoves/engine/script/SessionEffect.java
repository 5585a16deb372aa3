package ai.pmoves.engine.script;

import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlToken;
import ai.pmoves.engine.sql.SqlTokens;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement may leave in its session for the files after it, which psql, with one process per file, never lets
 * through (design.md: Applying migrations). Read from the statement's words, as the lexer gives them; erring towards a
 * cheap reset.
 */
public enum SessionEffect {
    /** A setting, a role or the session authorization ({@code SET}, {@code set_config(…)}, {@code SET ROLE}): a reset
     * undoes it. */
    SETTINGS,
    /** Something a reset does not undo (a temporary table, a prepared statement, a LISTEN, a session advisory lock):
     * the next file needs a new session. */
    SESSION_OBJECTS,
    /** A default of the database or of a role ({@code ALTER DATABASE … SET}, {@code ALTER ROLE … SET}): the sessions
     * of the files after it must start with it, as a new session would. */
    DEFAULTS;

    /** The effects of a file's statements; empty for most files. */
    public static Set<SessionEffect> of(List<SqlStatement> statements) {
        Set<SessionEffect> effects = EnumSet.noneOf(SessionEffect.class);
        for (SqlStatement s : statements) {
            SessionEffect effect = of(s);
            if (effect != null) {
                effects.add(effect);
            }
        }
        return effects;
    }

    /** What the statement may leave in its session, or null for nothing. */
    public static SessionEffect of(SqlStatement statement) {
        List<String> w = statement.words();
        if (w.isEmpty()) {
            return null;
        }
        switch (w.get(0)) {
            case "SET":
                return at(w, 1, "LOCAL") || at(w, 1, "TRANSACTION") || at(w, 1, "CONSTRAINTS") ? null : SETTINGS;
            case "RESET":
                return SETTINGS;
            case "ALTER":
                return (at(w, 1, "DATABASE") || at(w, 1, "ROLE") || at(w, 1, "USER"))
                        && (w.contains("SET") || w.contains("RESET")) ? DEFAULTS : null;
            case "CREATE":
                // CREATE [OR REPLACE] [GLOBAL | LOCAL] TEMP[ORARY] …
                int kind = at(w, 1, "OR") ? 3 : at(w, 1, "GLOBAL") || at(w, 1, "LOCAL") ? 2 : 1;
                return w.size() > kind && isTemp(w.get(kind)) ? SESSION_OBJECTS : calls(w);
            case "PREPARE":
                return at(w, 1, "TRANSACTION") ? null : SESSION_OBJECTS;
            case "LISTEN", "LOAD":
                return SESSION_OBJECTS;
            case "DECLARE":
                return w.contains("HOLD") ? SESSION_OBJECTS : null;
            case "SELECT":
                return w.contains("INTO") && w.stream().anyMatch(SessionEffect::isTemp) ? SESSION_OBJECTS : calls(w);
            case "DO":
                return inDoBody(statement);
            default:
                return calls(w);
        }
    }

    /** A call that changes the session from within any statement: {@code set_config(…)}, a session advisory lock. */
    private static SessionEffect calls(List<String> words) {
        for (String word : words) {
            if (word.startsWith("PG_ADVISORY_LOCK")) {
                return SESSION_OBJECTS;
            }
            if (word.equals("SET_CONFIG")) {
                return SETTINGS;
            }
        }
        return null;
    }

    /** A DO block's body, read as code: any SET, RESET or set_config in it counts as a setting. */
    private static SessionEffect inDoBody(SqlStatement statement) {
        for (SqlToken token : SqlTokens.of(statement.sql())) {
            if (token.kind() == SqlToken.Kind.DOLLAR_STRING) {
                for (SqlToken inner : SqlTokens.inside(token)) {
                    if (inner.isWord("SET") || inner.isWord("RESET") || inner.isWord("SET_CONFIG")) {
                        return SETTINGS;
                    }
                    if (inner.kind() == SqlToken.Kind.WORD && inner.text().toUpperCase(Locale.ROOT).startsWith("PG_ADVISORY_LOCK")) {
                        return SESSION_OBJECTS;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isTemp(String word) {
        return word.equals("TEMP") || word.equals("TEMPORARY");
    }

    private static boolean at(List<String> words, int index, String word) {
        return words.size() > index && words.get(index).equals(word);
    }
}
