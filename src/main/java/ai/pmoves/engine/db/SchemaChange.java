package ai.pmoves.engine.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Statements that create or extend the plugin's own tables, run together: all of them commit, or none. */
public final class SchemaChange {
    private SchemaChange() {
    }

    /** Runs the statements in one transaction and commits; rolls back on failure. Restores the auto-commit mode. */
    public static void run(Connection connection, List<String> statements) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
