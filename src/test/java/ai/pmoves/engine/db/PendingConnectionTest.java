package ai.pmoves.engine.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.TestPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PendingConnectionTest {
    private static final TestPostgres.Database DB = TestPostgres.newDatabase("pending");

    @Test
    void joinHandsOverAnOpenConnection() throws Exception {
        ConnectionSettings settings = ConnectionSettings.resolve(DB.url(), DB.user(), DB.password(), Map.of(), 10);
        try (PendingConnection pending = PendingConnection.open(settings); Connection c = pending.join();
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            assertEquals(DB.name(), rs.getString(1));
        }
    }

    @Test
    void joinThrowsWhatConnectingThrew() {
        String missing = DB.url() + "_missing";
        ConnectionSettings settings = ConnectionSettings.resolve(missing, DB.user(), DB.password(), Map.of(), 10);
        try (PendingConnection pending = PendingConnection.open(settings)) {
            PmovesException e = assertThrows(PmovesException.class, pending::join);
            assertTrue(e.getMessage().startsWith("Cannot connect to " + missing), e.getMessage());
            assertTrue(e.getMessage().contains("3D000"), e.getMessage());
        }
    }

    /** A caller that fails on its files must not wait out a server that never answers (here: 30 s of timeout). */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void closeWithoutJoinDoesNotWaitForTheServer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts, never answers the startup message
            ConnectionSettings settings = ConnectionSettings.resolve(
                    "jdbc:postgresql://localhost:" + silent.getLocalPort() + "/x", "u", "p", Map.of(), 30);
            PendingConnection.open(settings).close();
        }
    }
}
