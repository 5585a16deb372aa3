package ai.pmoves.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestPostgresSmokeTest {
    @Test
    void serverIsPostgres17() throws Exception {
        try (Connection c = TestPostgres.newDatabase("smoke").connect();
             ResultSet rs = c.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 170000, "server version " + rs.getInt(1));
        }
    }
}
