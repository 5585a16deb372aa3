package ai.pmoves.engine.apply;

import ai.pmoves.engine.sql.SqlStatement;
import java.util.List;

/** Which statements cannot run inside a transaction block, and which are transaction control (DESIGN §7). */
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
     * Whether the statement is {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT} or {@code END}: files written
     * for psql often wrap themselves in one; the plugin already runs each migration in its own transaction, and
     * executing them would commit half a migration without its history row.
     */
    public static boolean isTransactionControl(SqlStatement statement) {
        List<String> w = statement.words();
        if (w.isEmpty()) {
            return false;
        }
        String first = w.get(0);
        boolean shortForm = w.size() == 1 || w.size() == 2 && (at(w, 1, "TRANSACTION") || at(w, 1, "WORK"));
        return switch (first) {
            case "BEGIN", "COMMIT", "END" -> shortForm && statement.sql().indexOf('(') < 0;
            case "START" -> at(w, 1, "TRANSACTION");
            default -> false;
        };
    }

    private static boolean at(List<String> words, int index, String word) {
        return words.size() > index && words.get(index).equals(word);
    }
}
