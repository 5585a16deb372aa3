package ai.pmoves.engine.db;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.sql.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Statements that create or extend the plugin's own tables, run together: all of them commit, or none. */
public final class SchemaChange {
    private SchemaChange() {
    }

    /**
     * Creates {@code schema} only where it is missing, then runs the statements, in one transaction. Not {@code CREATE
     * SCHEMA IF NOT EXISTS} alone: PostgreSQL checks CREATE on the database before it looks for the schema, so a user
     * who owns the schema but may not create schemas would fail on it.
     */
    public static void runInSchema(Connection connection, String schema, List<String> statements) throws SQLException {
        List<String> all = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    all.add("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifier.quote(schema));
                }
            }
        }
        all.addAll(statements);
        run(connection, all);
    }

    /**
     * The failure of {@link #runInSchema}, with what a person can do about it: a read-only database said as such, since
     * no privilege would help; otherwise the privileges the change needs.
     *
     * @param what   what could not be done, e.g. {@code create or extend the history table x.y}
     * @param schema the schema the table is in, as the catalog stores it
     */
    public static PmovesException failed(Connection connection, String what, String schema, SQLException e) {
        String readOnly = ReadOnlyDatabase.advice(e, connection);
        return new PmovesException("Cannot " + what + ": " + e.getMessage() + "." + (readOnly.isEmpty()
                ? " The user needs CREATE on the database (for the schema) or on schema " + SqlIdentifier.quote(schema)
                + "." : readOnly + " Nothing was changed."), e);
    }

    /** Runs the statements in one transaction and commits; rolls back on any failure. Restores the auto-commit mode. */
    public static void run(Connection connection, List<String> statements) throws SQLException {
        Transactions.inOne(connection, () -> {
            try (Statement st = connection.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            return null;
        });
    }
}
