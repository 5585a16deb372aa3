package ai.pmoves.engine.supabase;

import ai.pmoves.engine.sql.SqlIdentifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Whether {@code CREATE EXTENSION} can really make an extension in this database, which {@code pg_available_extensions}
 * does not tell: pg_cron installed by {@code apt install postgresql-15-cron} is listed there, but without
 * {@code shared_preload_libraries} (or in another database than {@code cron.database_name}) its creation fails. So it
 * is tried, in a savepoint that is rolled back: the answer is the server's own, for any extension.
 */
final class CreatableExtension {
    private CreatableExtension() {
    }

    /** Whether the database has {@code extension}, or a {@code CREATE EXTENSION … CASCADE} of it succeeds here. */
    static boolean creatable(Connection connection, String extension) throws SQLException {
        if (ask(connection, "SELECT 1 FROM pg_extension WHERE extname = ?", extension)) {
            return true;
        }
        if (!ask(connection, "SELECT 1 FROM pg_available_extensions WHERE name = ?", extension)) {
            return false;
        }
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        Savepoint before = connection.setSavepoint();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS " + SqlIdentifier.quote(extension) + " CASCADE");
            return true;
        } catch (SQLException e) {
            return false;
        } finally {
            connection.rollback(before);
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static boolean ask(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
