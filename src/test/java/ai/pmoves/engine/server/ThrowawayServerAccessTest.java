package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.OtherUser;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who can reach a throwaway server: the build, with the password made for that server, over TCP on 127.0.0.1; no one
 * else on the machine, with no password or a guessed one, and there is no Unix socket to try. What it logs: its own
 * messages, not a failed statement's text or error, which may quote a secret.
 */
class ThrowawayServerAccessTest {
    private static final String SECRET = "Secret-Value-4f9q";
    private static final Path LOG = Path.of("target", "throwaway-server-access", "postgres.log");
    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.deleteIfExists(LOG);
        server = EmbeddedServer.start(TestPostgres.binariesJar(), "17", 0, LOG, ServerHome.defaultLocation());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachServerHasAPasswordOfItsOwn() {
        assertEquals(24, server.password().length());
        assertNotEquals("postgres", server.password());
        assertNotEquals(PostgresServer.newPassword(), server.password());
    }

    @Test
    void noPasswordAndAWrongPasswordAreRefused() {
        SQLException none = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.url(), "postgres", null));
        assertTrue(none.getMessage().contains("no password was provided"), none.getMessage());

        SQLException wrong = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.url(), "postgres", "postgres"));
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
    }

    @Test
    void everyRuleOfItsHbaFileAsksForThePasswordAndItListensOnLoopbackOnly() throws Exception {
        assertEquals(List.of("scram-sha-256"), column("SELECT DISTINCT auth_method FROM pg_hba_file_rules"));
        assertEquals(List.of("127.0.0.1"), column("SHOW listen_addresses"));
        assertEquals(List.of(""), column("SHOW unix_socket_directories"));
    }

    @Test
    void theFileThatGaveInitdbThePasswordIsGone() throws Exception {
        Path data = Path.of(column("SHOW data_directory").get(0));

        assertFalse(Files.exists(data.resolveSibling("password")));
        assertFalse(Files.readString(LOG).contains(server.password()));
    }

    @Test
    void anotherUserOfTheMachineGetsNoSessionThroughTcpNorASocket() throws Exception {
        OtherUser.assumeAvailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")), "needs psql");
        String port = Integer.toString(server.port());

        OtherUser.Result tcp = OtherUser.run("/usr/bin/psql", "-w", "-h", "127.0.0.1", "-p", port, "-U", "postgres",
                "-c", "COPY (SELECT 1) TO PROGRAM 'id'");
        OtherUser.Result socket = OtherUser.run("/usr/bin/psql", "-w", "-h", "/tmp", "-p", port, "-U", "postgres",
                "-c", "SELECT 1");

        assertNotEquals(0, tcp.exitCode(), tcp.output());
        assertTrue(tcp.output().contains("no password supplied"), tcp.output());
        assertNotEquals(0, socket.exitCode(), socket.output());
        assertTrue(socket.output().contains("No such file or directory"), socket.output());
    }

    @Test
    void aFailedStatementQuotingASecretLeavesNeitherItsTextNorItsErrorInTheLog() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.execute("SELECT '" + SECRET + "'::int"));
            assertTrue(e.getMessage().contains(SECRET), "the client is told: " + e.getMessage());
            st.execute("SELECT pg_sleep(0.2)"); // the logging collector has nothing to flush; a moment for the write
        }

        String log = Files.readString(LOG);
        assertTrue(log.contains("database system is ready to accept connections"), "the server's own messages stay");
        assertFalse(log.contains(SECRET), log);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(LOG)));
    }

    private static List<String> column(String sql) throws SQLException {
        return TestPostgres.column(server, sql);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url(), server.user(), server.password());
    }
}
