package ai.pmoves.engine.schema;

import ai.pmoves.engine.migration.Checksum;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A database's schema as its catalogs describe it, read through JDBC (no pg_dump), normalized so that the same schema
 * always reads the same: names qualified and quoted as SQL writes them, no OIDs, no creation order, expressions printed
 * with an empty search path (so {@code public.f()} reads the same whatever the session's path), grants without the
 * owner's own implicit ones and without the grantor (both depend on who ran the files). Objects that belong to an
 * extension are left out: the extension stands for them. One query per kind of object, whatever the number of objects.
 */
public final class SchemaSnapshot {
    /** Every {@code pg_} schema and {@code information_schema}: the server's own. */
    private static final String SYSTEM = "(%1$s.nspname LIKE 'pg\\_%%' OR %1$s.nspname = 'information_schema')";
    private static final String PLATFORM = "ARRAY['" + String.join("','", SchemaFilter.PLATFORM_SCHEMAS) + "']";

    private final Map<String, SchemaObject> objects;
    /** Made on first use: a snapshot never changes. */
    private String canonical;

    private SchemaSnapshot(Map<String, SchemaObject> objects) {
        this.objects = objects;
    }

    /** A snapshot of given objects (for a plan read back from its file, or a test). */
    public static SchemaSnapshot of(Collection<SchemaObject> objects) {
        Map<String, SchemaObject> sorted = new TreeMap<>();
        objects.forEach(o -> sorted.put(o.sortKey(), o));
        return new SchemaSnapshot(sorted);
    }

    /**
     * Reads the schema of {@code connection}'s database, the schemas {@code filter} leaves out aside. Changes nothing:
     * the session's search path is set empty for the reading and put back afterwards.
     */
    public static SchemaSnapshot read(Connection connection, SchemaFilter filter) throws SQLException {
        String path;
        int version;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT current_setting('search_path'), current_setting('server_version_num')::int")) {
            rs.next();
            path = rs.getString(1);
            version = rs.getInt(2);
        }
        setSearchPath(connection, "");
        SQLException failed = null;
        try {
            return of(new Reader(connection, filter, version).all());
        } catch (SQLException e) {
            failed = e;
            throw e;
        } finally {
            try {
                setSearchPath(connection, path);
            } catch (SQLException e) {
                // in a transaction the failure aborted, the rollback puts the path back; the first error is the news
                if (failed == null) {
                    throw e;
                }
                failed.addSuppressed(e);
            }
        }
    }

    private static void setSearchPath(Connection connection, String path) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            st.setString(1, path);
            st.execute();
        }
    }

    /** The objects, sorted by kind (containers first) then name. */
    public List<SchemaObject> objects() {
        return List.copyOf(objects.values());
    }

    /** The object of that kind and name, when the snapshot has it. */
    public Optional<SchemaObject> find(String kind, String name) {
        return Optional.ofNullable(objects.get(new SchemaObject(kind, name, Map.of()).sortKey()));
    }

    public int size() {
        return objects.size();
    }

    /**
     * The canonical form: each object as {@code kind name} then one tab-indented {@code attribute: value} line per
     * attribute, the lines of a multi-line value indented twice; objects in snapshot order.
     */
    public synchronized String canonical() {
        if (canonical != null) {
            return canonical;
        }
        StringBuilder sb = new StringBuilder(objects.size() * 96);
        for (SchemaObject o : objects.values()) {
            sb.append(o.kind()).append(' ').append(o.name()).append('\n');
            o.attributes().forEach((k, v) -> sb.append('\t').append(k).append(": ")
                    .append(v.indexOf('\n') < 0 ? v : v.replace("\n", "\n\t\t")).append('\n'));
        }
        canonical = sb.toString();
        return canonical;
    }

    /** SHA-256 (hex) of {@link #canonical()}: equal for two databases exactly when their snapshots are equal. */
    public String fingerprint() {
        return Checksum.sha256(canonical());
    }

    /** The queries, one per kind; each gets the left-out schemas as its one parameter, the rows of {@code x}. */
    private static final class Reader {
        private final Connection connection;
        private final SchemaFilter filter;
        private final int version;
        private final List<SchemaObject> objects = new ArrayList<>();

        Reader(Connection connection, SchemaFilter filter, int version) {
            this.connection = connection;
            this.filter = filter;
            this.version = version;
        }

        List<SchemaObject> all() throws SQLException {
            schemas();
            extensions();
            types();
            sequences();
            tables();
            columns();
            constraints();
            indexes();
            views();
            functions();
            triggers();
            policies();
            grants();
            publications();
            return objects;
        }

        /** Whether the schema of alias {@code n} is compared. */
        private static String compared(String n) {
            return "(NOT " + String.format(SYSTEM, n) + " AND " + n + ".nspname NOT IN (SELECT name FROM x))";
        }

        /**
         * FROM and WHERE over the relations ({@code c}, schema {@code n}) of the given kinds in compared schemas, not an
         * extension's; {@code joins} adds tables.
         */
        private static String relations(String relkinds, String joins) {
            return " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace" + joins + " WHERE c.relkind IN ("
                    + relkinds + ") AND " + compared("n") + " AND NOT " + extensionMember("pg_class", "c.oid");
        }

        /** Whether the object {@code oid} of catalog {@code catalog} belongs to an extension. */
        private static String extensionMember(String catalog, String oid) {
            return "EXISTS (SELECT FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = " + oid
                    + " AND e.deptype = 'e')";
        }

        private void schemas() throws SQLException {
            query("SELECT quote_ident(n.nspname) FROM pg_namespace n WHERE " + compared("n") + " AND NOT "
                    + extensionMember("pg_namespace", "n.oid"), rs -> add("schema", rs.getString(1), new Attributes()));
        }

        private void extensions() throws SQLException {
            query("SELECT quote_ident(e.extname), e.extversion, quote_ident(n.nspname) FROM pg_extension e"
                    + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE " + compared("n"),
                    rs -> add("extension", rs.getString(1), new Attributes().put("version", rs.getString(2))
                            .put("schema", rs.getString(3))));
        }

        private void types() throws SQLException {
            query("SELECT format('%I.%I', n.nspname, t.typname), t.typtype,"
                    + " (SELECT string_agg(quote_literal(v.enumlabel), ', ' ORDER BY v.enumsortorder) FROM pg_enum v"
                    + "   WHERE v.enumtypid = t.oid),"
                    + " (SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', '"
                    + "   ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0"
                    + "   AND NOT a.attisdropped),"
                    + " CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END, t.typnotnull,"
                    + " pg_get_expr(t.typdefaultbin, 0),"
                    + " (SELECT string_agg(format('%I %s', c.conname, pg_get_constraintdef(c.oid, true)), ', '"
                    + "   ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype <> 'n')"
                    + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + compared("n")
                    + " AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c'"
                    + "   AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))"
                    + " AND NOT " + extensionMember("pg_type", "t.oid"), rs -> {
                Attributes a = switch (rs.getString(2)) {
                    case "e" -> new Attributes().put("enum", rs.getString(3));
                    case "c" -> new Attributes().put("composite", rs.getString(4));
                    default -> new Attributes().put("domain", rs.getString(5))
                            .put("null", rs.getBoolean(6) ? "not null" : "nullable").put("default", rs.getString(7))
                            .put("check", rs.getString(8));
                };
                add("type", rs.getString(1), a);
            });
        }

        private void sequences() throws SQLException {
            // identity sequences are the column's identity, read there; a serial's sequence is its own object
            query("SELECT format('%I.%I', n.nspname, c.relname), format_type(s.seqtypid, NULL), s.seqstart,"
                    + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,"
                    + " (SELECT format('%I.%I.%I', dn.nspname, dc.relname, da.attname) FROM pg_depend d"
                    + "   JOIN pg_class dc ON dc.oid = d.refobjid JOIN pg_namespace dn ON dn.oid = dc.relnamespace"
                    + "   JOIN pg_attribute da ON da.attrelid = d.refobjid AND da.attnum = d.refobjsubid"
                    + "   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'"
                    + "   AND d.refclassid = 'pg_class'::regclass LIMIT 1)"
                    + relations("'S'", " JOIN pg_sequence s ON s.seqrelid = c.oid")
                    + " AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                    + "   AND d.objid = c.oid AND d.deptype = 'i')",
                    rs -> add("sequence", rs.getString(1), new Attributes().put("type", rs.getString(2))
                            .put("start", rs.getString(3)).put("increment", rs.getString(4))
                            .put("min", rs.getString(5)).put("max", rs.getString(6)).put("cache", rs.getString(7))
                            .put("cycle", rs.getBoolean(8) ? "yes" : "no").put("owned by", rs.getString(9))));
        }

        private void tables() throws SQLException {
            query("SELECT format('%I.%I', n.nspname, c.relname), c.relkind, c.relpersistence, c.relrowsecurity,"
                    + " c.relforcerowsecurity, array_to_string(c.reloptions, ', '),"
                    + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,"
                    + " (SELECT string_agg(format('%I.%I', pn.nspname, pc.relname)"
                    + "   || CASE WHEN c.relispartition THEN ' ' || pg_get_expr(c.relpartbound, c.oid) ELSE '' END,"
                    + "   ', ' ORDER BY pn.nspname, pc.relname) FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent"
                    + "   JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid)"
                    + relations("'r', 'p', 'f'", ""), rs -> {
                String kind = switch (rs.getString(2)) {
                    case "p" -> "partitioned";
                    case "f" -> "foreign";
                    default -> "u".equals(rs.getString(3)) ? "unlogged" : "ordinary";
                };
                add("table", rs.getString(1), new Attributes().put("kind", kind)
                        .put("row level security", rs.getBoolean(4) ? "enabled" : "disabled")
                        .put("forced", rs.getBoolean(5) ? "yes" : "no").put("options", rs.getString(6))
                        .put("partition by", rs.getString(7)).put("inherits", rs.getString(8)));
            });
        }

        private void columns() throws SQLException {
            query("SELECT format('%I.%I.%I', n.nspname, c.relname, a.attname), format_type(a.atttypid, a.atttypmod),"
                    + " a.attnotnull, CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END,"
                    + " a.attidentity, CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END,"
                    + " a.attgenerated,"
                    + " CASE WHEN a.attcollation <> t.typcollation THEN (SELECT format('%I.%I', cn.nspname, co.collname)"
                    + "   FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace"
                    + "   WHERE co.oid = a.attcollation) END"
                    + relations("'r', 'p', 'f'", " JOIN pg_attribute a ON a.attrelid = c.oid"
                            + " JOIN pg_type t ON t.oid = a.atttypid"
                            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum")
                    + " AND a.attnum > 0 AND NOT a.attisdropped", rs -> {
                String identity = switch (rs.getString(5)) {
                    case "a" -> "always";
                    case "d" -> "by default";
                    default -> null;
                };
                String generated = rs.getString(6) == null ? null
                        : rs.getString(6) + ("v".equals(rs.getString(7)) ? " virtual" : " stored");
                add("column", rs.getString(1), new Attributes().put("type", rs.getString(2))
                        .put("null", rs.getBoolean(3) ? "not null" : "nullable").put("default", rs.getString(4))
                        .put("identity", identity).put("generated", generated).put("collation", rs.getString(8)));
            });
        }

        private void constraints() throws SQLException {
            // not-null constraints (PostgreSQL 18 lists them here) are the column's null attribute
            query("SELECT format('%I.%I.%I', n.nspname, c.relname, co.conname), pg_get_constraintdef(co.oid, true)"
                    + " FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE co.contype <> 'n' AND " + compared("n")
                    + " AND NOT " + extensionMember("pg_class", "c.oid"),
                    rs -> add("constraint", rs.getString(1), new Attributes().put("definition", rs.getString(2))));
        }

        private void indexes() throws SQLException {
            // an index that a primary key, unique or exclusion constraint made is that constraint, read there
            query("SELECT format('%I.%I', n.nspname, ic.relname), pg_get_indexdef(i.indexrelid), i.indisvalid"
                    + relations("'r', 'p', 'm'", " JOIN pg_index i ON i.indrelid = c.oid"
                            + " JOIN pg_class ic ON ic.oid = i.indexrelid")
                    + " AND NOT EXISTS (SELECT FROM pg_constraint co WHERE co.conindid = i.indexrelid"
                    + "   AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x'))",
                    rs -> add("index", rs.getString(1), new Attributes().put("definition", rs.getString(2))
                            .put("valid", rs.getBoolean(3) ? "yes" : "no")));
        }

        private void views() throws SQLException {
            query("SELECT format('%I.%I', n.nspname, c.relname), c.relkind, pg_get_viewdef(c.oid, true),"
                    + " array_to_string(c.reloptions, ', ')" + relations("'v', 'm'", ""),
                    rs -> add("m".equals(rs.getString(2)) ? "materialized view" : "view", rs.getString(1),
                            new Attributes().put("definition", rs.getString(3)).put("options", rs.getString(4))));
        }

        private void functions() throws SQLException {
            String body = version >= 140000
                    ? "CASE WHEN p.prosqlbody IS NULL THEN p.prosrc ELSE pg_get_function_sqlbody(p.oid) END" : "p.prosrc";
            query("SELECT format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),"
                    + " p.prokind, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),"
                    + " quote_ident(l.lanname), p.provolatile, p.prosecdef, p.proisstrict,"
                    + " (SELECT string_agg(s, ', ' ORDER BY s) FROM unnest(p.proconfig) s), " + body
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang"
                    + " WHERE p.prokind IN ('f', 'p') AND " + compared("n")
                    + " AND NOT " + extensionMember("pg_proc", "p.oid"), rs -> {
                boolean procedure = "p".equals(rs.getString(2));
                String volatility = switch (rs.getString(6)) {
                    case "i" -> "immutable";
                    case "s" -> "stable";
                    default -> "volatile";
                };
                add(procedure ? "procedure" : "function", rs.getString(1), new Attributes()
                        .put("arguments", rs.getString(3)).put("returns", procedure ? null : rs.getString(4))
                        .put("language", rs.getString(5)).put("volatility", procedure ? null : volatility)
                        .put("security", rs.getBoolean(7) ? "definer" : "invoker")
                        .put("strict", procedure ? null : rs.getBoolean(8) ? "yes" : "no")
                        .put("settings", rs.getString(9)).put("body", lines(rs.getString(10))));
            });
        }

        private void triggers() throws SQLException {
            // on a left-out platform table (auth.users), a trigger calling a compared schema's function is the project's
            query("SELECT format('%I.%I.%I', n.nspname, c.relname, t.tgname), pg_get_triggerdef(t.oid, true),"
                    + " t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid"
                    + " JOIN pg_namespace pn ON pn.oid = p.pronamespace"
                    + " WHERE NOT t.tgisinternal AND (" + compared("n") + " OR (n.nspname = ANY (" + PLATFORM + ")"
                    + "   AND " + compared("pn") + ")) AND NOT " + extensionMember("pg_class", "c.oid"), rs -> {
                String enabled = switch (rs.getString(3)) {
                    case "D" -> "no";
                    case "R" -> "on replicas only";
                    case "A" -> "always";
                    default -> "yes";
                };
                add("trigger", rs.getString(1), new Attributes().put("definition", rs.getString(2))
                        .put("enabled", enabled));
            });
        }

        private void policies() throws SQLException {
            // the platform makes its tables without policies: every policy on them is the project's (storage.objects)
            query("SELECT format('%I.%I.%I', n.nspname, c.relname, p.polname), p.polpermissive, p.polcmd,"
                    + " (SELECT string_agg(r.role, ', ' ORDER BY r.role) FROM (SELECT CASE WHEN u.oid = 0 THEN 'public'"
                    + "   ELSE quote_ident(pg_get_userbyid(u.oid)) END AS role FROM unnest(p.polroles) u(oid)) r),"
                    + " pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)"
                    + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE (" + compared("n") + " OR n.nspname = ANY (" + PLATFORM + "))", rs -> {
                String command = switch (rs.getString(3)) {
                    case "r" -> "select";
                    case "a" -> "insert";
                    case "w" -> "update";
                    case "d" -> "delete";
                    default -> "all";
                };
                add("policy", rs.getString(1), new Attributes()
                        .put("as", rs.getBoolean(2) ? "permissive" : "restrictive").put("for", command)
                        .put("to", rs.getString(4)).put("using", rs.getString(5)).put("with check", rs.getString(6)));
            });
        }

        private void grants() throws SQLException {
            // privileges held by the object's owner are the owner's by right, and who owns what depends on who ran the
            // files; a NULL acl is the default one, spelt out by acldefault so that both forms read the same
            String grantee = "CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END";
            String privileges = "string_agg(g.privilege_type || CASE WHEN g.is_grantable THEN ' with grant option'"
                    + " ELSE '' END, ', ' ORDER BY g.privilege_type)";
            query("SELECT o.what || ' ' || o.name || ' to ' || " + grantee + ", " + privileges + " FROM ("
                    + " SELECT 'schema' AS what, quote_ident(n.nspname) AS name, coalesce(n.nspacl, acldefault('n', n.nspowner)) AS acl,"
                    + "   n.nspowner AS owner FROM pg_namespace n WHERE " + compared("n")
                    + " UNION ALL SELECT CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view'"
                    + "   WHEN 'm' THEN 'materialized view' ELSE 'table' END, format('%I.%I', n.nspname, c.relname),"
                    + "   coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner)),"
                    + "   c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + "   WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S') AND " + compared("n")
                    + "   AND NOT " + extensionMember("pg_class", "c.oid")
                    + " UNION ALL SELECT 'column', format('%I.%I.%I', n.nspname, c.relname, a.attname), a.attacl, c.relowner"
                    + "   FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + "   JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + "   WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND " + compared("n")
                    + " UNION ALL SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END,"
                    + "   format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),"
                    + "   coalesce(p.proacl, acldefault('f', p.proowner)), p.proowner"
                    + "   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + "   WHERE p.prokind IN ('f', 'p') AND " + compared("n")
                    + "   AND NOT " + extensionMember("pg_proc", "p.oid")
                    + " ) o, LATERAL aclexplode(o.acl) g WHERE g.grantee <> o.owner GROUP BY o.what, o.name, g.grantee",
                    rs -> add("grant", rs.getString(1), new Attributes().put("privileges", rs.getString(2))));
        }

        private void publications() throws SQLException {
            // a publication of platform tables only (realtime.messages') is the platform's
            query("SELECT quote_ident(p.pubname), p.puballtables, concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END,"
                    + " CASE WHEN p.pubupdate THEN 'update' END, CASE WHEN p.pubdelete THEN 'delete' END,"
                    + " CASE WHEN p.pubtruncate THEN 'truncate' END), p.pubviaroot FROM pg_publication p"
                    + " WHERE NOT (EXISTS (SELECT FROM pg_publication_rel r WHERE r.prpubid = p.oid) AND NOT EXISTS ("
                    + "   SELECT FROM pg_publication_rel r JOIN pg_class c ON c.oid = r.prrelid"
                    + "   JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.prpubid = p.oid AND " + compared("n") + "))",
                    rs -> add("publication", rs.getString(1), new Attributes()
                            .put("all tables", rs.getBoolean(2) ? "yes" : "no").put("publish", rs.getString(3))
                            .put("via root", rs.getBoolean(4) ? "yes" : "no")));
            String filter = version >= 150000 ? "pg_get_expr(r.prqual, r.prrelid), (SELECT string_agg(quote_ident(a.attname),"
                    + " ', ' ORDER BY a.attname) FROM pg_attribute a WHERE a.attrelid = r.prrelid AND a.attnum = ANY (r.prattrs))"
                    : "NULL, NULL";
            query("SELECT quote_ident(p.pubname) || ' ' || format('%I.%I', n.nspname, c.relname), " + filter
                    + " FROM pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid"
                    + " JOIN pg_class c ON c.oid = r.prrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + compared("n"),
                    rs -> add("publication table", rs.getString(1), new Attributes().put("where", rs.getString(2))
                            .put("columns", rs.getString(3))));
        }

        private void add(String kind, String name, Attributes attributes) {
            objects.add(new SchemaObject(kind, name, attributes.values));
        }

        private void query(String sql, RowReader reader) throws SQLException {
            try (PreparedStatement st = connection.prepareStatement("WITH x(name) AS (SELECT unnest(?::text[])) " + sql)) {
                Array leftOut = connection.createArrayOf("text", filter.excluded().toArray());
                st.setArray(1, leftOut);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }

        /** Line ends as LF: a file checked out with CRLF makes the same function. */
        private static String lines(String text) {
            return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Attributes in the order put, a null value as {@code none}. */
    private static final class Attributes {
        private final Map<String, String> values = new LinkedHashMap<>();

        Attributes put(String name, String value) {
            values.put(name, value == null || value.isEmpty() ? SchemaObject.NONE : value);
            return this;
        }
    }
}
