package ai.pmoves.engine.bootstrap;

import ai.pmoves.engine.PmovesException;
import java.util.Locale;

/** Whether bootstrap prepares a plain PostgreSQL for scripts written for Supabase (DESIGN §6). */
public enum SupabaseCompat {
    /** Create the Supabase roles, schemas, auth helpers and publication where missing (the default). */
    AUTO,
    /** Touch nothing: the database is a real Supabase, or the scripts need none of it. */
    OFF;

    public static SupabaseCompat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PmovesException("supabaseCompat '" + value + "' is unknown: use auto (prepare what is missing)"
                    + " or off.");
        }
    }
}
