package ai.pmoves.engine.supabase;

import ai.pmoves.engine.supabase.PreparedItem.Outcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The guide's "Realtime Migration Error": GoTrue may create {@code public.schema_migrations} with text versions and
 * no {@code inserted_at}, and Realtime (Ecto) then fails with {@code column "inserted_at" … does not exist}. When the
 * table has GoTrue's shape and every version is numeric, it is converted to Ecto's shape ({@code version bigint},
 * {@code inserted_at timestamp(0) without time zone}), keeping its rows. Any other shape is left alone with a warning
 * that says what is wrong and the SQL that would fix it.
 */
final class RealtimeMigrationsFix {
    static final String WHAT = "public.schema_migrations (Realtime/Ecto shape)";
    static final String FIX_SQL = "ALTER TABLE public.schema_migrations ALTER COLUMN version TYPE bigint USING"
            + " version::bigint, ADD COLUMN IF NOT EXISTS inserted_at timestamp(0) without time zone";

    private RealtimeMigrationsFix() {
    }

    /** The repair's outcome, or null when there is no {@code public.schema_migrations}. */
    static PreparedItem apply(Connection connection, Statement st) throws SQLException {
        Map<String, String> columns = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = 'schema_migrations'")) {
            while (rs.next()) {
                columns.put(rs.getString(1), rs.getString(2));
            }
        }
        if (columns.isEmpty()) {
            return null; // no such table: nothing to repair, nothing to report
        }
        String version = columns.get("version");
        boolean textVersion = "text".equals(version) || "character varying".equals(version);
        if ("bigint".equals(version) && columns.containsKey("inserted_at")) {
            return new PreparedItem(WHAT, Outcome.PRESENT, null);
        }
        if (!textVersion || columns.containsKey("inserted_at")) {
            return new PreparedItem(WHAT, Outcome.LEFT_ALONE, "its shape (" + columns + ") is neither GoTrue's nor"
                    + " Ecto's; Realtime needs version bigint and inserted_at timestamp(0). Check it by hand");
        }
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM public.schema_migrations WHERE version !~ '^[0-9]{1,18}$'")) {
            rs.next();
            long nonNumeric = rs.getLong(1);
            if (nonNumeric > 0) {
                return new PreparedItem(WHAT, Outcome.LEFT_ALONE, "GoTrue's shape, but " + nonNumeric + " version(s)"
                        + " are not numbers, so they cannot become bigint. Fix those rows, then run: " + FIX_SQL);
            }
        }
        st.execute(FIX_SQL);
        st.execute("UPDATE public.schema_migrations SET inserted_at = timezone('UTC', now())::timestamp(0)"
                + " WHERE inserted_at IS NULL");
        return new PreparedItem(WHAT, Outcome.REPAIRED, "version text → bigint, inserted_at added; rows kept");
    }
}
