package ai.pmoves.maven;

import static ai.pmoves.maven.MojoTestSupport.configure;
import static ai.pmoves.maven.MojoTestSupport.projectWithMigrations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status goal: its report file, its release gates, and that it changes nothing. */
@MojoTest
class StatusMojoTest {
    private static final String POM = "classpath:/unit/project/pom.xml";

    @TempDir
    Path root;

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void underQuietTheTableIsNotFormattedAndTheReportIsStillWritten(StatusMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_status_quiet");
        Path project = projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n");
        configure(mojo, db, project);
        List<String> logged = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() { // mvn -q: warnings and errors only
            @Override
            public boolean isInfoEnabled() {
                return false;
            }

            @Override
            public void info(CharSequence content) {
                logged.add(content.toString());
            }
        });
        mojo.execute();
        assertEquals(List.of(), logged.stream().filter(l -> l.contains("20250101_a.sql")).toList());
        assertTrue(Files.readString(project.resolve("target/pmoves/status.json")).contains("\"20250101_a.sql\""));
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void writesStatusJsonAndCreatesNothing(StatusMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_status");
        Path project = projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n",
                "2025-01-02_b.sql", "CREATE TABLE b (id int);\n");
        configure(mojo, db, project);
        mojo.execute();
        String json = Files.readString(project.resolve("target/pmoves/status.json"));
        assertTrue(json.contains("{\"version\": \"20250101\", \"name\": \"20250101_a.sql\", \"state\": \"pending\","
                + " \"appliedAt\": null, \"executionMs\": null, \"checksum\": null}"), json);
        assertTrue(json.contains("\"summary\": {\"applied\": 0, \"pending\": 2,"), json);
        assertTrue(json.contains("\"url\": \"" + db.url() + "\""), json);
        try (Connection c = db.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT to_regclass('supabase_migrations.schema_migrations') IS NULL")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "status must not create the history table");
        }
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void reportsEverySeedFileWithItsState(StatusMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_status_seeds");
        Path project = projectWithMigrations(root);
        Files.createDirectories(project.resolve("supabase/initdb"));
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("supabase/initdb/02_seed.sql"), "SELECT 1;\n");
        Files.writeString(project.resolve("db/v5_12_seed.sql"), "SELECT 2;\n");
        Files.writeString(project.resolve("db/v5_14_personas.sql"), "SELECT 3;\n");
        db.execute("CREATE SCHEMA supabase_migrations; CREATE TABLE supabase_migrations.seed_files (path text PRIMARY KEY,"
                + " hash text, applied_at timestamp, execution_ms integer);"
                + " INSERT INTO supabase_migrations.seed_files VALUES ('supabase/initdb/02_seed.sql', '"
                + ai.pmoves.engine.migration.Checksum.ofRawText("SELECT 1;\n") + "', '2026-01-02 03:04:05', 7),"
                + " ('db/v5_12_seed.sql', 'an older hash', '2026-01-02 03:04:06', 8), ('db/v5_9_gone.sql', 'x', NULL, NULL)");
        configure(mojo, db, project);
        mojo.execute();
        String json = Files.readString(project.resolve("target/pmoves/status.json"));
        assertTrue(json.contains("  \"seeds\": [\n"
                + "    {\"path\": \"supabase/initdb/02_seed.sql\", \"state\": \"applied\", \"appliedAt\": \"2026-01-02T03:04:05\"},\n"
                + "    {\"path\": \"db/v5_12_seed.sql\", \"state\": \"changed\", \"appliedAt\": \"2026-01-02T03:04:06\"},\n"
                + "    {\"path\": \"db/v5_14_personas.sql\", \"state\": \"pending\", \"appliedAt\": null},\n"
                + "    {\"path\": \"db/v5_9_gone.sql\", \"state\": \"missing\", \"appliedAt\": null}\n"
                + "  ],\n"), json);
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void failOnPendingFailsTheBuild(StatusMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_status_pending");
        configure(mojo, db, projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n"));
        mojo.failOnPending = true;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("1 migration pending and pmoves.failOnPending=true: 20250101_a.sql. Run pmoves:apply first.", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void malformedHistoryTableIsRefusedBeforeConnecting(StatusMojo mojo) throws Exception {
        configure(mojo, null, projectWithMigrations(root));
        mojo.url = "jdbc:postgresql://10.255.255.1:1/never";
        mojo.historyTable = "public.x; drop table y";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("historyTable 'public.x; drop table y' is not a schema.table name"),
                e.getMessage());
        assertFalse(e.getMessage().contains("connect"), e.getMessage());
    }
}
