package ai.pmoves.engine.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.server.ServerHome;
import ai.pmoves.engine.server.SystemInstallation;
import ai.pmoves.engine.server.SystemServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pg_cron installed but not preloaded, the state {@code apt install postgresql-15-cron} leaves a server in: listed by
 * pg_available_extensions, yet {@code CREATE EXTENSION pg_cron} fails. The file is not blamed, the two lines of
 * postgresql.conf are given, and supabaseCompat=emulate stands in for it. Runs on the PostgreSQL installed here (CI
 * installs PostgreSQL 15 with pg_cron); skipped where there is none.
 */
class NotPreloadedExtensionTest {
    private static SystemServer server;

    @BeforeAll
    static void startWithoutPreloading() {
        Optional<SystemInstallation> found = SystemInstallation.lookup(null, null, System.getenv());
        Assumptions.assumeTrue(found.isPresent() && found.get().hasExtension("pg_cron"), "no PostgreSQL with pg_cron"
                + " installed here (apt install postgresql-15 postgresql-15-cron)");
        server = SystemServer.start(found.get(), 0, Path.of("target", "not-preloaded", "postgres.log"),
                ServerHome.defaultLocation(), Map.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url(), server.user(), server.password());
    }

    @Test
    void creatingItIsTheServersLackWithTheLinesToAddToPostgresqlConf() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.execute("CREATE EXTENSION pg_cron"));

            String advice = MissingPlatform.advice(e, c);

            assertTrue(advice.contains("The file is not at fault: this server has pg_cron installed but not preloaded")
                    && advice.contains("shared_preload_libraries = 'pg_cron'")
                    && advice.contains("cron.database_name = 'postgres'")
                    && advice.contains("supabaseCompat=emulate")
                    && !advice.contains("Fix the file"), advice);
        }
    }

    @Test
    void itIsNotCreatableThoughTheServerListsIt() throws SQLException {
        try (Connection c = connect()) {
            assertFalse(CreatableExtension.creatable(c, "pg_cron"));
            assertTrue(CreatableExtension.creatable(c, "pgcrypto"));
            assertFalse(CreatableExtension.creatable(c, "no_such_extension"));
            // the tries left nothing behind
            assertEquals(Set.of("plpgsql"), extensions(c));
        }
    }

    @Test
    void emulateStandsInForItAsForAMissingOne() throws SQLException {
        try (Connection c = connect()) {
            SupabasePreparation.prepare(c, true);
            assertTrue(SupabasePreparation.stoodInExtensions(c).contains("pg_cron"));
        }
    }

    private static Set<String> extensions(Connection c) throws SQLException {
        Set<String> names = new java.util.TreeSet<>();
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT extname FROM pg_extension")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
