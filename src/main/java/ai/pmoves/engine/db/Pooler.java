package ai.pmoves.engine.db;

import java.sql.SQLException;
import java.util.Map;

/**
 * Recognizes, from its error, a connection pooler in front of the database that is set up in a way the plugin cannot
 * work through, and says what to change. Transaction and session pooling work, with at least two server connections
 * in the pool (the migration lock keeps one for the whole run); statement pooling cannot, since every migration, seed
 * and the migration lock is a transaction of several statements.
 */
public final class Pooler {
    /** PgBouncer's words in its error, and what to tell the user. */
    private static final Map<String, String> ADVICE = Map.of(
            // a client began a transaction in pool_mode = statement
            "statement pooling mode", "A connection pooler in statement pooling mode stands between the plugin and the"
                    + " database, and the plugin needs transactions (each migration and seed runs in one, and so does"
                    + " the migration lock). Point pmoves.url at the database directly (Supabase: the direct"
                    + " connection on port 5432, not the pooler's 6543), or set the pooler to transaction or session"
                    + " pooling (PgBouncer: pool_mode = transaction).",
            // a client waited longer than query_wait_timeout for a server connection of its pool
            "query_wait_timeout", "The connection pooler in front of the database had no server connection free for"
                    + " the plugin in time. A run holds two at once, one of them for the migration lock from start to"
                    + " end: give the pool of this database and user at least 2 (PgBouncer: default_pool_size or"
                    + " pool_size), run when it is less busy, or point pmoves.url at the database directly"
                    + " (Supabase: port 5432).");

    private Pooler() {
    }

    /** Advice to append to the message of a failure caused by {@code e}, or "" when no pooler is recognized. */
    public static String advice(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (Map.Entry<String, String> known : ADVICE.entrySet()) {
                if (message.contains(known.getKey())) {
                    return ". " + known.getValue();
                }
            }
        }
        return "";
    }
}
