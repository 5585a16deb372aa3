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
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
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
    void failOnPendingFailsTheBuild(StatusMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_status_pending");
        configure(mojo, db, projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n"));
        mojo.failOnPending = true;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("1 migration(s) pending and pmoves.failOnPending=true: 20250101_a.sql. Run pmoves:apply first.", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "status", pom = POM)
    void malformedHistoryTableIsRefusedBeforeConnecting(StatusMojo mojo) throws Exception {
        configure(mojo, null, projectWithMigrations(root));
        mojo.url = "jdbc:postgresql://10.255.255.1:1/never";
        mojo.historyTable = "public.x; drop table y";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("historyTable 'public.x; drop table y' is not a plain schema.table"),
                e.getMessage());
        assertFalse(e.getMessage().contains("connect"), e.getMessage());
    }
}
