package ai.pmoves.engine.script;

import ai.pmoves.engine.sql.SqlStatement;
import java.util.List;

/**
 * Which statements cannot run inside a transaction block, which control the transaction, and which of those are a
 * file's wrapper (design.md: Applying migrations).
 */
public final class TransactionRules {
    private TransactionRules() {
    }

    /** Why the statement must run outside a transaction, or null when it can run inside one. */
    public static String nonTransactionalReason(SqlStatement statement, int serverMajorVersion) {
        List<String> w = statement.words();
        if (w.isEmpty()) {
            return null;
        }
        String first = w.get(0);
        switch (first) {
            case "CREATE":
                if (at(w, 1, "INDEX") && at(w, 2, "CONCURRENTLY")
                        || at(w, 1, "UNIQUE") && at(w, 2, "INDEX") && at(w, 3, "CONCURRENTLY")) {
                    return "CREATE INDEX CONCURRENTLY";
                }
                if (at(w, 1, "DATABASE") || at(w, 1, "TABLESPACE")) {
                    return "CREATE " + w.get(1);
                }
                return null;
            case "DROP":
                if (at(w, 1, "INDEX") && at(w, 2, "CONCURRENTLY")) {
                    return "DROP INDEX CONCURRENTLY";
                }
                if (at(w, 1, "DATABASE") || at(w, 1, "TABLESPACE")) {
                    return "DROP " + w.get(1);
                }
                return null;
            case "REINDEX":
                return w.contains("CONCURRENTLY") ? "REINDEX CONCURRENTLY" : null;
            case "VACUUM":
                return "VACUUM";
            case "ALTER":
                if (at(w, 1, "SYSTEM")) {
                    return "ALTER SYSTEM";
                }
                if (at(w, 1, "TABLE") && w.contains("DETACH") && w.contains("CONCURRENTLY")) {
                    return "DETACH PARTITION CONCURRENTLY";
                }
                if (at(w, 1, "TYPE") && w.contains("ADD") && w.contains("VALUE") && serverMajorVersion < 12) {
                    return "ALTER TYPE … ADD VALUE (before PostgreSQL 12)";
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * Whether the statement is a wrapper's opening {@code BEGIN} or {@code START TRANSACTION} (as the first statement of
     * a file): files written for psql often wrap themselves in one; the plugin already runs such a file in a
     * transaction of its own, together with its history row, so the wrapper is dropped.
     */
    public static boolean isWrapperBegin(SqlStatement statement) {
        List<String> w = statement.words();
        return !w.isEmpty() && (w.get(0).equals("BEGIN") && shortForm(statement) || w.get(0).equals("START")
                && at(w, 1, "TRANSACTION"));
    }

    /** Whether the statement is a wrapper's closing {@code COMMIT} or {@code END} (as the last statement of a file). */
    public static boolean isWrapperEnd(SqlStatement statement) {
        List<String> w = statement.words();
        return !w.isEmpty() && (w.get(0).equals("COMMIT") || w.get(0).equals("END")) && shortForm(statement);
    }

    /**
     * Whether the statement controls the transaction, in any form: {@code BEGIN}, {@code START TRANSACTION},
     * {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}, {@code SAVEPOINT}, {@code RELEASE},
     * {@code PREPARE TRANSACTION}, with their options ({@code COMMIT AND CHAIN}, {@code ROLLBACK TO s}, …).
     */
    public static boolean isTransactionControl(SqlStatement statement) {
        List<String> w = statement.words();
        if (w.isEmpty()) {
            return false;
        }
        return switch (w.get(0)) {
            case "BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> true;
            case "START" -> at(w, 1, "TRANSACTION");
            case "PREPARE" -> at(w, 1, "TRANSACTION");
            default -> false;
        };
    }

    /**
     * The first statement of a file that controls the transaction and is not a wrapper (a {@code BEGIN} before the
     * first statement, a {@code COMMIT} or {@code END} after the last), or null. A file with one runs as written, as
     * psql runs it: its blocks are honoured and the statements outside them commit as they go.
     */
    public static SqlStatement ownTransactionControl(List<SqlStatement> statements) {
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            if (isTransactionControl(s) && !(i == 0 && isWrapperBegin(s)
                    || i == statements.size() - 1 && isWrapperEnd(s))) {
                return s;
            }
        }
        return null;
    }

    /**
     * Whether the statement is a {@code ROLLBACK} or {@code ABORT} alone (or with {@code TRANSACTION} or {@code WORK}):
     * a pgTAP file's usual last statement, which ends the transaction its {@code BEGIN} opened.
     */
    public static boolean isPlainRollback(SqlStatement statement) {
        List<String> w = statement.words();
        return !w.isEmpty() && (w.get(0).equals("ROLLBACK") || w.get(0).equals("ABORT")) && shortForm(statement);
    }

    /**
     * Whether the statement works on a savepoint ({@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}): inside a
     * transaction, it never ends it.
     */
    public static boolean isSavepointControl(SqlStatement statement) {
        List<String> w = statement.words();
        return !w.isEmpty() && (w.get(0).equals("SAVEPOINT") || w.get(0).equals("RELEASE")
                || w.get(0).equals("ROLLBACK") && (at(w, 1, "TO") || at(w, 2, "TO")));
    }

    /** How a statement of {@link #ownTransactionControl} is named in messages: {@code COMMIT at line 4}. */
    public static String describe(SqlStatement control) {
        List<String> w = control.words();
        String name = w.size() > 1 && (w.get(0).equals("START") || w.get(0).equals("PREPARE")
                || w.get(0).equals("ROLLBACK") && w.get(1).equals("TO")) ? w.get(0) + " " + w.get(1) : w.get(0);
        return name + " at line " + control.line();
    }

    /**
     * {@code BEGIN}, {@code COMMIT}, {@code END}, {@code ROLLBACK} or {@code ABORT}, alone or followed by
     * {@code TRANSACTION} or {@code WORK}.
     */
    private static boolean shortForm(SqlStatement statement) {
        List<String> w = statement.words();
        return (w.size() == 1 || w.size() == 2 && (at(w, 1, "TRANSACTION") || at(w, 1, "WORK")))
                && statement.sql().indexOf('(') < 0;
    }

    private static boolean at(List<String> words, int index, String word) {
        return words.size() > index && words.get(index).equals(word);
    }
}
