package ai.pmoves.engine.db;

import java.sql.SQLException;

/**
 * Recognizes, from its error, a connection pooler in front of the database that runs in a mode the plugin cannot
 * work through, and says what to change. Transaction and session pooling work, with at least two server connections
 * in the pool (the migration lock keeps one for the whole run); statement pooling cannot, since every migration, seed
 * and the migration lock is a transaction of several statements.
 */
final class Pooler {
    private Pooler() {
    }

    /** Advice to append to the message of a failure caused by {@code e}, or "" when no pooler is recognized. */
    static String advice(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // PgBouncer's words when a client begins a transaction in pool_mode = statement
            if (String.valueOf(t.getMessage()).contains("statement pooling mode")) {
                return ". A connection pooler in statement pooling mode stands between the plugin and the database,"
                        + " and the plugin needs transactions (each migration and seed runs in one, and so does the"
                        + " migration lock). Point pmoves.url at the database directly (Supabase: the direct"
                        + " connection on port 5432, not the pooler's 6543), or set the pooler to transaction or"
                        + " session pooling (PgBouncer: pool_mode = transaction).";
            }
            // PgBouncer's words when a client waited too long for a server connection of its pool
            if (String.valueOf(t.getMessage()).contains("query_wait_timeout")) {
                return ". The connection pooler in front of the database had no server connection free for the"
                        + " plugin in time. A run holds two at once, one of them for the migration lock from start to"
                        + " end: give the pool of this database and user at least 2 (PgBouncer: default_pool_size or"
                        + " pool_size), run when it is less busy, or point pmoves.url at the database directly"
                        + " (Supabase: port 5432).";
            }
        }
        return "";
    }
}
