package ai.pmoves.engine.supabase;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.ReadOnlyDatabase;
import ai.pmoves.engine.db.Transactions;
import ai.pmoves.engine.sql.SqlIdentifier;
import ai.pmoves.engine.supabase.PreparedItem.Outcome;
import ai.pmoves.engine.supabase.StandIns.StandIn;
import ai.pmoves.engine.supabase.SupabaseObjects.Piece;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives a plain PostgreSQL what scripts written for Supabase expect: the API and platform roles, the schemas, the
 * {@code extensions} schema with pgcrypto and uuid-ossp and Supabase's search_path, the {@code auth} helpers with
 * auth.users and auth.identities in GoTrue's shape, storage.buckets and storage.objects in the Storage service's shape
 * with their path helpers, the {@code supabase_realtime} publication, and {@code USAGE} on the API schemas; with
 * {@code standIns}, also the stand-ins of {@link StandIns} for the extensions the server lacks. Each piece is created
 * only where missing, so on a real Supabase it changes nothing. Runs in one transaction: a piece the user may not
 * create leaves the database as it was.
 */
public final class SupabasePreparation {
    private static final List<String> API_ROLES = SupabaseObjects.ROLES.subList(0, 3).stream()
            .map(SupabaseObjects.Role::name).toList();
    /** What a changed database setting is called in the report: the files need a session that sees it. */
    static final String SEARCH_PATH_ITEM = "search_path " + SupabaseObjects.SEARCH_PATH + " of the database";

    private SupabasePreparation() {
    }

    /** The real objects only ({@code supabaseCompat=auto}). */
    public static List<PreparedItem> prepare(Connection connection) {
        return prepare(connection, false);
    }

    /** Creates what is missing and says, piece by piece, what it found, in one transaction: all of it, or nothing. */
    public static List<PreparedItem> prepare(Connection connection, boolean standIns) {
        try {
            return Transactions.inOne(connection, () -> {
                List<PreparedItem> items = new ArrayList<>();
                try (Statement st = connection.createStatement()) {
                    for (SupabaseObjects.Role role : SupabaseObjects.ROLES) {
                        items.add(role(connection, st, role));
                    }
                    items.add(authenticatorMembership(connection, st));
                    for (String schema : SupabaseObjects.SCHEMAS) {
                        items.add(createIfMissing(st, "schema " + schema,
                                exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema),
                                "CREATE SCHEMA IF NOT EXISTS " + schema));
                    }
                    for (String extension : SupabaseObjects.EXTENSIONS) {
                        items.add(extension(connection, st, extension));
                    }
                    items.add(searchPath(connection, st));
                    for (Piece piece : concat(SupabaseObjects.AUTH_FUNCTIONS, SupabaseObjects.AUTH_TABLES,
                            AuthTables.ALL, SupabaseObjects.STORAGE_TABLES, SupabaseObjects.STORAGE_FUNCTIONS)) {
                        items.add(createIfMissing(st, piece.what(), exists(connection, piece.lookup(), piece.name()),
                                piece.sql()));
                    }
                    items.add(createIfMissing(st, "publication " + SupabaseObjects.PUBLICATION,
                            exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?",
                                    SupabaseObjects.PUBLICATION),
                            "CREATE PUBLICATION " + SupabaseObjects.PUBLICATION));
                    items.addAll(grantUsage(connection, st, SupabaseObjects.API_SCHEMAS));
                    for (String schema : SupabaseObjects.DEFAULT_PRIVILEGE_SCHEMAS) {
                        items.add(defaultPrivileges(connection, st, schema));
                    }
                    PreparedItem realtime = RealtimeMigrationsFix.apply(connection, st);
                    if (realtime != null) {
                        items.add(realtime);
                    }
                    if (standIns) {
                        for (StandIn standIn : StandIns.ALL) {
                            items.add(standIn(connection, st, standIn));
                        }
                    }
                }
                return items;
            });
        } catch (SQLException e) {
            String readOnly = ReadOnlyDatabase.advice(e, connection); // then skipping the preparation is no way out
            throw new PmovesException("Supabase preparation failed: " + e.getMessage() + (readOnly.isEmpty()
                    ? privilegeHint(e) + " Nothing of the preparation was kept. Set supabaseCompat=off to skip it."
                    : "." + readOnly + " Nothing of the preparation was kept."), e);
        }
    }

    /** Whether the preparation changed a database setting, which sessions opened before it do not see. */
    public static boolean changedDatabaseSettings(List<PreparedItem> items) {
        return items.stream().anyMatch(i -> i.what().equals(SEARCH_PATH_ITEM) && i.outcome() == Outcome.CREATED);
    }

    /**
     * The extensions whose {@code CREATE EXTENSION} a stand-in answers on this server: those that have one in place
     * and that the server cannot create itself.
     */
    public static Set<String> stoodInExtensions(Connection connection) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (StandIn standIn : StandIns.ALL) {
            if (standIn.extension() != null && !CreatableExtension.creatable(connection, standIn.extension())
                    && exists(connection, probeQuery(standIn), standIn.probe())) {
                names.add(standIn.extension());
            }
        }
        return names;
    }

    /**
     * Grants the API roles USAGE on schemas (with grantSchemaUsage, the files' own schemas, once they exist, as the
     * guide's fix does; Supabase itself does not). Runs in the connection's current transaction.
     */
    public static List<PreparedItem> grantUsage(Connection connection, Collection<String> schemas) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return grantUsage(connection, st, schemas);
        }
    }

    private static List<PreparedItem> grantUsage(Connection connection, Statement st, Collection<String> schemas)
            throws SQLException {
        List<PreparedItem> items = new ArrayList<>();
        for (String schema : schemas) {
            if (!exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema)) {
                continue;
            }
            boolean all = true;
            for (String role : API_ROLES) {
                all &= exists(connection, "SELECT has_schema_privilege('" + role + "', ?, 'USAGE')", schema);
            }
            items.add(createIfMissing(st, "usage on schema " + schema + " for anon, authenticated, service_role", all,
                    "GRANT USAGE ON SCHEMA " + SqlIdentifier.quote(schema) + " TO anon, authenticated, service_role"));
        }
        return items;
    }

    /**
     * Supabase's default privileges in {@code schema}: what the user running the files creates there later, the API
     * roles may use, as on Supabase, where the same grant is made for its postgres role.
     */
    private static PreparedItem defaultPrivileges(Connection connection, Statement st, String schema)
            throws SQLException {
        // one grant per kind of object and role: r (tables) SELECT, f (functions) EXECUTE, S (sequences) USAGE
        boolean present = exists(connection, "SELECT count(DISTINCT d.defaclobjtype::text || a.grantee::text) = 9"
                + " FROM pg_default_acl d, aclexplode(d.defaclacl) a WHERE d.defaclrole = (SELECT oid FROM pg_roles"
                + " WHERE rolname = current_user) AND d.defaclnamespace = (SELECT oid FROM pg_namespace WHERE nspname"
                + " = ?) AND a.grantee IN (SELECT oid FROM pg_roles WHERE rolname IN ('anon', 'authenticated',"
                + " 'service_role')) AND (d.defaclobjtype, a.privilege_type) IN (('r', 'SELECT'), ('f', 'EXECUTE'),"
                + " ('S', 'USAGE'))", schema);
        String roles = String.join(", ", API_ROLES);
        String schemaName = SqlIdentifier.quote(schema);
        return createIfMissing(st, "default privileges in schema " + schema + " for " + roles, present,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA " + schemaName + " GRANT ALL ON TABLES TO " + roles + ";"
                        + " ALTER DEFAULT PRIVILEGES IN SCHEMA " + schemaName + " GRANT ALL ON FUNCTIONS TO " + roles
                        + "; ALTER DEFAULT PRIVILEGES IN SCHEMA " + schemaName + " GRANT ALL ON SEQUENCES TO " + roles);
    }

    private static PreparedItem role(Connection connection, Statement st, SupabaseObjects.Role role) throws SQLException {
        if (exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role.name())) {
            return new PreparedItem("role " + role.name(), Outcome.PRESENT, null);
        }
        try {
            st.execute("CREATE ROLE " + role.name() + " " + role.options());
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new PmovesException("Cannot create role " + role.name() + ": " + e.getMessage() + ". Creating the"
                        + " Supabase roles needs the CREATEROLE privilege" + (role.options().contains("BYPASSRLS")
                        ? " (and " + role.name() + "'s BYPASSRLS needs a superuser)" : "") + ". Run bootstrap as a role"
                        + " that has it, have an administrator run CREATE ROLE " + role.name() + " " + role.options()
                        + ", or set supabaseCompat=off. Nothing of the preparation was kept.", e);
            }
            throw e;
        }
        return new PreparedItem("role " + role.name(), Outcome.CREATED, null);
    }

    private static PreparedItem authenticatorMembership(Connection connection, Statement st) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String role : SupabaseObjects.AUTHENTICATOR_MEMBERS) {
            if (!exists(connection, "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
                    + " JOIN pg_roles a ON a.oid = m.member WHERE a.rolname = 'authenticator' AND r.rolname = ?", role)) {
                missing.add(role);
            }
        }
        return createIfMissing(st, "membership of " + String.join(", ", SupabaseObjects.AUTHENTICATOR_MEMBERS)
                + " in authenticator", missing.isEmpty(), "GRANT " + String.join(", ", missing) + " TO authenticator");
    }

    /** pgcrypto or uuid-ossp in {@code extensions}, where the server has it and no schema holds it yet. */
    private static PreparedItem extension(Connection connection, Statement st, String extension) throws SQLException {
        String what = "extension " + extension + " in schema extensions";
        if (exists(connection, "SELECT 1 FROM pg_extension WHERE extname = ?", extension)) {
            return new PreparedItem(what, Outcome.PRESENT, null);
        }
        if (!available(connection, extension)) {
            return new PreparedItem(what, Outcome.LEFT_ALONE, "the server has no " + extension + " (PostgreSQL's"
                    + " contrib package provides it); files that call its functions will fail");
        }
        st.execute("CREATE EXTENSION IF NOT EXISTS " + SqlIdentifier.quote(extension) + " WITH SCHEMA extensions");
        return new PreparedItem(what, Outcome.CREATED, null);
    }

    /**
     * Supabase's {@code "$user", public, extensions} as the database's default, and on this session, so the files of
     * this run call extension functions unqualified as they do on Supabase. A search_path someone set on the database
     * or the role is theirs: left alone.
     */
    private static PreparedItem searchPath(Connection connection, Statement st) throws SQLException {
        String current = single(st, "SHOW search_path");
        if (Arrays.stream(current.split(",")).map(s -> s.trim().replace("\"", "")).anyMatch("extensions"::equals)) {
            return new PreparedItem(SEARCH_PATH_ITEM, Outcome.PRESENT, null);
        }
        String set = single(st, "SELECT string_agg(c, '; ') FROM pg_db_role_setting s, unnest(s.setconfig) c"
                + " WHERE c LIKE 'search_path=%' AND s.setdatabase IN (0, (SELECT oid FROM pg_database"
                + " WHERE datname = current_database())) AND s.setrole IN (0, (SELECT oid FROM pg_roles"
                + " WHERE rolname = current_user))");
        if (set != null) {
            return new PreparedItem(SEARCH_PATH_ITEM, Outcome.LEFT_ALONE, "the database or role already sets " + set
                    + "; functions of the extensions schema called unqualified will not resolve unless it lists"
                    + " extensions");
        }
        String database = SqlIdentifier.quote(single(st, "SELECT current_database()"));
        Savepoint before = connection.setSavepoint();
        try {
            st.execute("ALTER DATABASE " + database + " SET search_path = " + SupabaseObjects.SEARCH_PATH);
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(before);
            return new PreparedItem(SEARCH_PATH_ITEM, Outcome.LEFT_ALONE, e.getMessage() + ": only the database's"
                    + " owner can set it; have the owner run ALTER DATABASE " + database + " SET search_path = "
                    + SupabaseObjects.SEARCH_PATH);
        }
        st.execute("SET search_path = " + SupabaseObjects.SEARCH_PATH);
        return new PreparedItem(SEARCH_PATH_ITEM, Outcome.CREATED, null);
    }

    private static PreparedItem standIn(Connection connection, Statement st, StandIn standIn) throws SQLException {
        if (exists(connection, probeQuery(standIn), standIn.probe())) {
            return new PreparedItem(standIn.what(), Outcome.PRESENT, null);
        }
        if (standIn.extension() != null && CreatableExtension.creatable(connection, standIn.extension())) {
            return new PreparedItem(standIn.what(), Outcome.NOT_NEEDED, "the server has " + standIn.extension()
                    + ": a file's CREATE EXTENSION " + standIn.extension() + " creates the real one");
        }
        String sql = standIn.sql();
        if (standIn.requires() != null) {
            String schema = extensionSchema(connection, standIn.requires());
            if (schema == null) {
                return new PreparedItem(standIn.what(), Outcome.LEFT_ALONE, "it needs " + standIn.requires()
                        + ", which this server does not have; files that call its functions will fail");
            }
            sql = sql.replace("@requires@", SqlIdentifier.quote(schema));
        }
        st.execute(sql);
        return new PreparedItem(standIn.what(), Outcome.CREATED, standIn.doesNot());
    }

    /** A function with its argument types, a schema-qualified table, or a schema. */
    private static String probeQuery(StandIn standIn) {
        return standIn.probe().endsWith(")") ? "SELECT to_regprocedure(?) IS NOT NULL"
                : standIn.probe().contains(".") ? "SELECT to_regclass(?) IS NOT NULL"
                : "SELECT 1 FROM pg_namespace WHERE nspname = ?";
    }

    private static String extensionSchema(Connection connection, String extension) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT n.nspname FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = ?")) {
            ps.setString(1, extension);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean available(Connection connection, String extension) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_available_extensions WHERE name = ?", extension);
    }

    private static PreparedItem createIfMissing(Statement st, String what, boolean present, String sql)
            throws SQLException {
        if (present) {
            return new PreparedItem(what, Outcome.PRESENT, null);
        }
        st.execute(sql);
        return new PreparedItem(what, Outcome.CREATED, null);
    }

    static boolean exists(Connection connection, String query, String parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                Object value = rs.getObject(1);
                return !(value instanceof Boolean b) || b;
            }
        }
    }

    private static String single(Statement st, String query) throws SQLException {
        try (ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @SafeVarargs
    private static List<Piece> concat(List<Piece>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static String privilegeHint(SQLException e) {
        return "42501".equals(e.getSQLState())
                ? " The user lacks a privilege (CREATE on the database for schemas and the publication)." : "";
    }

}
