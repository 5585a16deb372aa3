package ai.pmoves.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a database's own schemas hold, as sorted lines that compare well in a test failure: schemas, tables (with RLS),
 * columns, constraints, indexes, views, functions, triggers, policies, types and sequences, each by definition
 * ({@code pg_get_*def}), never by OID. The history schema and PostgreSQL's own are left out; {@link #full}
 * adds the rows of every table, the history and seed tables' included, and {@link #all} the history schema's objects.
 */
public final class CatalogSnapshot {
    private static final String OWN = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'supabase_migrations')";
    private static final String ALL = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

    private static final List<String> QUERIES = queries(OWN);
    private static final List<String> QUERIES_ALL = queries(ALL);

    private static List<String> queries(String OWN) {
        return List.of(
            "SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname " + OWN + " AND nspname NOT LIKE 'pg_temp%'"
                    + " AND nspname NOT LIKE 'pg_toast_temp%'",
            "SELECT 'relation ' || n.nspname || '.' || c.relname || ' kind=' || c.relkind::text || ' rls=' || c.relrowsecurity"
                    + " || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname " + OWN + " AND c.relkind IN ('r', 'v', 'm', 'S', 'p', 'f')",
            "SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' #'"
                    + " || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) || ' '"
                    + " || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull || ' identity='"
                    + " || a.attidentity::text || ' generated=' || a.attgenerated::text || ' default='"
                    + " || coalesce(pg_get_expr(d.adbin, d.adrelid), '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE n.nspname " + OWN + " AND c.relkind IN ('r', 'v', 'm', 'p', 'f')"
                    + " AND a.attnum > 0 AND NOT a.attisdropped",
            "SELECT 'constraint ' || n.nspname || '.' || c.relname || ' ' || k.conname || ' '"
                    + " || pg_get_constraintdef(k.oid)"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname " + OWN,
            "SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid"
                    + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname " + OWN,
            "SELECT 'view ' || n.nspname || '.' || c.relname || ' ' || pg_get_viewdef(c.oid)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname " + OWN + " AND c.relkind IN ('v', 'm')",
            // pg_get_functiondef refuses aggregates (citext has min and max): those are named by signature
            "SELECT 'function ' || CASE p.prokind WHEN 'a' THEN 'aggregate ' || p.oid::regprocedure::text"
                    + " ELSE pg_get_functiondef(p.oid) END"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname " + OWN,
            "SELECT 'trigger ' || pg_get_triggerdef(t.oid)"
                    + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND n.nspname " + OWN,
            "SELECT 'policy ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || permissive || ' '"
                    + " || roles::text || ' ' || cmd || ' using=' || coalesce(qual, '') || ' check='"
                    + " || coalesce(with_check, '') FROM pg_policies WHERE schemaname " + OWN,
            "SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text || ' '"
                    + " || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e"
                    + " WHERE e.enumtypid = t.oid), '')"
                    + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE n.nspname " + OWN + " AND t.typtype IN ('e', 'd', 'c')"
                    + " AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')",
            "SELECT 'sequence ' || schemaname || '.' || sequencename || ' ' || data_type || ' start=' || start_value"
                    + " || ' increment=' || increment_by FROM pg_sequences WHERE schemaname " + OWN);
    }

    private CatalogSnapshot() {
    }

    /** The lines only one side has, for a failure message that shows what differs rather than two long lists. */
    public static String difference(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        return "only expected: " + missing + "\nonly actual: " + extra;
    }

    /** Every line of the snapshot, sorted. */
    public static List<String> of(TestPostgres.Database database) throws SQLException {
        return lines(database, QUERIES, false);
    }

    /**
     * The snapshot with every row of every table, the history and seed tables' included (without the columns that
     * record when), so "the database is unchanged" covers data and what the plugin records. The history schema's
     * objects stay out: a run may create the (empty) history or seed table before the file that fails.
     */
    public static List<String> full(TestPostgres.Database database) throws SQLException {
        return lines(database, QUERIES, true);
    }

    /** {@link #full}, and the objects of the history schema too: nothing a run may change is left out. */
    public static List<String> all(TestPostgres.Database database) throws SQLException {
        return lines(database, QUERIES_ALL, true);
    }

    private static List<String> lines(TestPostgres.Database database, List<String> queries, boolean rows)
            throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            if (rows) {
                try (ResultSet rs = st.executeQuery("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
                        + " WHERE schemaname " + ALL)) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            List<String> all = new ArrayList<>(queries);
            for (String table : tables) {
                // to_jsonb minus the columns that record when: two identical runs differ only there
                all.add("SELECT 'row " + table.replace("'", "''") + " ' || (to_jsonb(t) - 'applied_at'"
                        + " - 'execution_ms')::text FROM " + table + " t");
            }
            for (String query : all) {
                try (ResultSet rs = st.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
