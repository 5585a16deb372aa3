package ai.pmoves.engine.bootstrap;

import ai.pmoves.engine.PmovesException;
import java.util.Locale;

/** How bootstrap prepares a plain PostgreSQL for scripts written for Supabase. */
public enum SupabaseCompat {
    /**
     * Create the Supabase roles, schemas, extensions, search_path, Auth and Storage objects and publication where
     * missing (the default).
     */
    AUTO,
    /**
     * {@link #AUTO}, and stand-ins for the Supabase extensions the server lacks (pg_net, pg_cron, supabase_vault,
     * http, the webhooks' supabase_functions), which record what they are asked and do not do the real work.
     */
    EMULATE,
    /** Touch nothing: the database is a real Supabase, or the scripts need none of it. */
    OFF;

    public static SupabaseCompat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PmovesException("supabaseCompat '" + value + "' is unknown: use auto (create the Supabase"
                    + " objects that are missing), emulate (also stand in for the Supabase extensions the server"
                    + " lacks) or off.");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
