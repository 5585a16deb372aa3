package ai.pmoves.engine.apply;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgREST's schema cache reload: {@code NOTIFY pgrst, 'reload schema'}, sent after a run that changed the schema
 * so that a PostgREST in front of the database serves the new tables without a restart.
 */
final class PostgrestNotice {
    static final String SQL = "NOTIFY pgrst, 'reload schema'";

    private PostgrestNotice() {
    }

    static void send(Connection connection, EngineLog log) {
        try {
            connection.setAutoCommit(true); // a NOTIFY is delivered when its transaction commits
            try (Statement st = connection.createStatement()) {
                st.execute(SQL);
            }
            log.info("notifyPostgrest: sent " + SQL + ".");
        } catch (SQLException e) {
            throw new PmovesException("The run is applied, but " + SQL + " failed: " + e.getMessage()
                    + ". Restart PostgREST, or run the NOTIFY by hand, for it to see the new schema.", e);
        }
    }
}
