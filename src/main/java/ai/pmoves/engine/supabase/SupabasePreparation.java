package ai.pmoves.engine.supabase;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.supabase.PreparedItem.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Gives a plain PostgreSQL what scripts written for Supabase expect (DESIGN §6): the API roles, the schemas, the
 * {@code auth} helper functions and a minimal {@code auth.users}, the {@code supabase_realtime} publication, and
 * {@code USAGE} on the schemas. Each piece is created only where missing, so on a real Supabase it changes nothing.
 * Runs in one transaction: a piece the user may not create leaves the database as it was.
 */
public final class SupabasePreparation {
    private static final List<String> API_ROLES = SupabaseObjects.ROLES.stream().map(SupabaseObjects.Role::name).toList();

    private SupabasePreparation() {
    }

    /** Creates what is missing and says, piece by piece, what it found. Commits. */
    public static List<PreparedItem> prepare(Connection connection) {
        List<PreparedItem> items = new ArrayList<>();
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (SupabaseObjects.Role role : SupabaseObjects.ROLES) {
                    items.add(role(connection, st, role));
                }
                for (String schema : SupabaseObjects.SCHEMAS) {
                    items.add(createIfMissing(st, "schema " + schema,
                            exists(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema),
                            "CREATE SCHEMA IF NOT EXISTS " + schema));
                }
                for (SupabaseObjects.Function f : SupabaseObjects.AUTH_FUNCTIONS) {
                    items.add(createIfMissing(st, "function " + f.signature(),
                            exists(connection, "SELECT to_regprocedure(?) IS NOT NULL", f.signature()),
                            f.sql()));
                }
                items.add(createIfMissing(st, "table auth.users",
                        exists(connection, "SELECT to_regclass(?) IS NOT NULL", "auth.users"), SupabaseObjects.AUTH_USERS));
                items.add(createIfMissing(st, "publication " + SupabaseObjects.PUBLICATION,
                        exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?", SupabaseObjects.PUBLICATION),
                        "CREATE PUBLICATION " + SupabaseObjects.PUBLICATION));
                items.addAll(grantUsage(connection, st, List.of("public")));
                PreparedItem realtime = RealtimeMigrationsFix.apply(connection, st);
                if (realtime != null) {
                    items.add(realtime);
                }
            }
            connection.commit();
            return items;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw new PmovesException("Supabase preparation failed: " + e.getMessage()
                    + privilegeHint(e) + " Nothing of the preparation was kept. Set supabaseCompat=off to skip it.", e);
        } catch (RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        }
    }

    /**
     * Grants the API roles USAGE on schemas (the files' own schemas, once they exist), as the guide's fix does.
     * Runs in the connection's current transaction.
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
                    "GRANT USAGE ON SCHEMA " + quoteIdent(schema) + " TO anon, authenticated, service_role"));
        }
        return items;
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

    private static String privilegeHint(SQLException e) {
        return "42501".equals(e.getSQLState())
                ? " The user lacks a privilege (CREATE on the database for schemas and the publication)." : "";
    }

    private static String quoteIdent(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the transaction dies with the connection
        }
    }
}
