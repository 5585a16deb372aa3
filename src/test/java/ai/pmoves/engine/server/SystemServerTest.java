package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * engine=system: a throwaway cluster of the PostgreSQL installed on this machine (CI installs Debian's PostgreSQL 15
 * with pg_cron and pgTAP), with the embedded engine's guarantees; as root, the server runs as the OS user postgres.
 * Skipped, saying what to install, where no PostgreSQL is installed.
 */
class SystemServerTest {
    private static final Path LOG = Path.of("target", "system-server-test", "postgres.log");
    private static SystemInstallation installation;
    private static SystemServer server;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        Optional<SystemInstallation> found = installed();
        Assumptions.assumeTrue(found.isPresent(), "no PostgreSQL installed here (apt install postgresql-15"
                + " postgresql-15-cron postgresql-15-pgtap): the system engine's tests are skipped");
        installation = found.get();
        Files.deleteIfExists(LOG);
        server = SystemServer.start(installation, 0, LOG, ServerHome.defaultLocation(),
                SystemServer.preloads(installation, Set.of("pg_cron", "pgtap")));
        data = Path.of(column("SHOW data_directory").get(0));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void itRunsTheInstalledPostgresBehindAPasswordOnLoopbackOnly() throws Exception {
        assertTrue(column("SELECT version()").get(0).startsWith("PostgreSQL " + installation.major()));
        assertEquals(List.of("scram-sha-256"), column("SELECT DISTINCT auth_method FROM pg_hba_file_rules"));
        assertEquals(List.of("127.0.0.1"), column("SHOW listen_addresses"));
        assertEquals(List.of(""), column("SHOW unix_socket_directories"));
        SQLException wrong = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(server.url(), "postgres", "postgres"));
        assertEquals("28P01", wrong.getSQLState());
        assertFalse(Files.readString(LOG).contains(server.password()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(LOG)));
    }

    @Test
    void itsDataLiesInTheBuildUsersPrivateFolder() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path home = SystemServer.homeFor(ServerHome.defaultLocation(), root);
        assertTrue(data.startsWith(ServerHome.at(home).servers()), data.toString());
        if (root) {
            // the server's user reaches its data, and no one else may list or write the folders on the way
            assertEquals("rwx--x--x", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        }
        assertFalse(Files.exists(data.resolveSibling("password")), "initdb's password file is gone");
    }

    @Test
    void asRootTheServerRunsAsThePostgresUser() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the build does not run as root");
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());

        assertEquals(Optional.of(SystemServer.SERVER_USER), ProcessHandle.of(pid).orElseThrow().info().user());
        assertTrue(Reaper.isPostmasterOf(ProcessHandle.of(pid).orElseThrow().info(), data, SystemServer.SERVER_USER));
    }

    @Test
    void anExtensionThatMustBePreloadedIsTheRealOne() throws Exception {
        Assumptions.assumeTrue(installation.hasExtension("pg_cron"), "pg_cron is not installed here (apt install"
                + " postgresql-" + installation.major() + "-cron)");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_cron");
            st.execute("SELECT cron.schedule('pmoves-test', '0 3 * * *', 'SELECT 1')");
        }
        assertEquals(List.of("pmoves-test"), column("SELECT jobname FROM cron.job"));
    }

    @Test
    void onlyTheExtensionsTheFilesCreateArePreloaded() {
        Assumptions.assumeTrue(installation.hasLibrary("pg_cron") && installation.hasLibrary("pg_stat_statements"));

        assertEquals(Map.of(), SystemServer.preloads(installation, Set.of("pgtap", "pgcrypto")));
        assertEquals(Map.of("shared_preload_libraries", "pg_stat_statements"),
                SystemServer.preloads(installation, Set.of("pg_stat_statements")));
        assertEquals(Map.of("shared_preload_libraries", "pg_cron", "cron.database_name", "postgres"),
                SystemServer.preloads(installation, Set.of("pg_cron", "vector")));
    }

    @Test
    void stopLeavesNoProcessAndNoDirectory() throws Exception {
        SystemServer another = SystemServer.start(installation, 0, LOG.resolveSibling("another.log"),
                ServerHome.defaultLocation(), Map.of());
        Path anotherData;
        try (Connection c = DriverManager.getConnection(another.url(), another.user(), another.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            anotherData = Path.of(rs.getString(1));
        }
        long pid = Long.parseLong(Files.readAllLines(anotherData.resolve("postmaster.pid")).get(0).trim());

        another.close();

        // pg_ctl returns once the pid file is gone, a moment before the process has exited and been reaped
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent()) {
            postmaster.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(anotherData.getParent()), anotherData.getParent() + " deleted");
    }

    @Test
    void underEngineAutoABinFolderWithoutPostgresIsRefusedRatherThanPassedOver(@TempDir Path empty) {
        PmovesException e = assertThrows(PmovesException.class,
                () -> SystemInstallation.lookup(empty, null, Map.of()));
        assertTrue(e.getMessage().startsWith("postgresBin " + empty + " holds no initdb, pg_ctl and postgres"),
                e.getMessage());
    }

    @Test
    void aBinFolderWithoutPostgresIsRefusedNamingTheParameter(@TempDir Path empty) {
        PmovesException e = assertThrows(PmovesException.class,
                () -> SystemInstallation.find(empty, null, Map.of()));
        assertTrue(e.getMessage().startsWith("postgresBin " + empty + " holds no initdb, pg_ctl and postgres"),
                e.getMessage());
    }

    private static Optional<SystemInstallation> installed() {
        try {
            return Optional.of(SystemInstallation.find(null, null, System.getenv()));
        } catch (PmovesException none) {
            return Optional.empty();
        }
    }

    private static List<String> column(String sql) throws SQLException {
        return TestPostgres.column(server, sql);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url(), server.user(), server.password());
    }
}
