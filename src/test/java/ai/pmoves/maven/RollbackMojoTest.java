package ai.pmoves.maven;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static ai.pmoves.maven.MojoTestSupport.configure;
import static ai.pmoves.maven.MojoTestSupport.projectWith;
import static ai.pmoves.maven.MojoTestSupport.projectWithMigrations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The rollback goal as Maven builds it: no default phase, its parameters, the default rollbacks directory. */
@MojoTest
class RollbackMojoTest {
    private static final String POM = "classpath:/unit/rollback/pom.xml";

    @TempDir
    Path root;

    @Test
    void theGoalHasNoDefaultPhaseWhileApplyHasOne() throws Exception {
        // the generated descriptor is what Maven binds by: a rollback must never run in a lifecycle by accident
        assertNull(phaseOf("rollback"));
        assertEquals("pre-integration-test", phaseOf("apply"));
    }

    @Test
    @InjectMojo(goal = "rollback", pom = POM)
    void pomConfigurationReachesTheMojo(RollbackMojo mojo) {
        assertEquals(30, mojo.lockTimeout);
        assertNull(mojo.count, "no count given: the engine undoes one");
        assertNull(mojo.target);
        assertFalse(mojo.force);
    }

    @Test
    @InjectMojo(goal = "rollback", pom = POM)
    void undoesTheNewestMigrationWithItsDownScriptFromSupabaseRollbacks(RollbackMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_rollback");
        Path project = twoAppliedMigrations(db);
        projectWith(project, "supabase/rollbacks", "20250101_a.sql", "DROP TABLE a;\n", "20250102_b.sql",
                "DROP TABLE b;\n");
        configure(mojo, db, project);
        mojo.execute();
        assertEquals(List.of("20250101"), column(db, "SELECT version FROM supabase_migrations.schema_migrations"));
        assertEquals(List.of("f"), column(db, "SELECT to_regclass('b') IS NOT NULL"));
    }

    @Test
    @InjectMojo(goal = "rollback", pom = POM)
    void aMissingDefaultRollbacksDirectoryIsNamedWithTheDownScriptsItShouldHold(RollbackMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_rollback_no_dir");
        Path project = twoAppliedMigrations(db);
        configure(mojo, db, project);
        mojo.count = 2;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        Path rollbacks = project.resolve("supabase/rollbacks");
        assertTrue(e.getMessage().contains("looked for:\n    " + rollbacks.resolve("20250102_b.sql") + "\n    "
                + rollbacks.resolve("20250101_a.sql")), e.getMessage());
        assertTrue(e.getMessage().contains("The rollback directory " + rollbacks + " does not exist"), e.getMessage());
        assertEquals(2, column(db, "SELECT version FROM supabase_migrations.schema_migrations").size());
    }

    @Test
    @InjectMojo(goal = "rollback", pom = POM)
    void countAndTargetTogetherAreRefusedBeforeConnecting(RollbackMojo mojo) throws Exception {
        configure(mojo, null, projectWithMigrations(root));
        mojo.url = "jdbc:postgresql://10.255.255.1:1/never";
        mojo.count = 2;
        mojo.target = "20250101";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Give count or target, not both"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "rollback", pom = POM)
    void dryRunWritesTargetPmovesRollbackDryRunSql(RollbackMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_rollback_dry");
        Path project = twoAppliedMigrations(db);
        Path rollbacks = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(rollbacks.resolve("20250102_b.sql"), "DROP TABLE b;\n");
        configure(mojo, db, project);
        mojo.rollbackDirectory = rollbacks.toFile();
        mojo.dryRun = true;
        mojo.execute();
        String sql = Files.readString(project.resolve("target/pmoves/rollback-dry-run.sql"));
        assertTrue(sql.contains("BEGIN;\nDROP TABLE b;\nDELETE FROM supabase_migrations.schema_migrations WHERE version"
                + " = '20250102';\nCOMMIT;\n"), sql);
        assertEquals(2, column(db, "SELECT version FROM supabase_migrations.schema_migrations").size());
    }

    private Path twoAppliedMigrations(TestPostgres.Database db) throws Exception {
        Path project = projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n", "20250102_b.sql",
                "CREATE TABLE b (id int);\n");
        new Migrator(ConnectionSettings.resolve(db.url(), db.user(), db.password(), Map.of(), 5), EngineLog.SILENT)
                .apply(ApplyOptions.of(configured(project.resolve("supabase/migrations")))
                        .withLockTimeout(Duration.ofSeconds(5)));
        return project;
    }

    private static List<String> column(TestPostgres.Database db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The {@code <phase>} of a goal in the plugin descriptor the build generated, or null. */
    private static String phaseOf(String goal) throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile())
                .getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                NodeList phase = mojo.getElementsByTagName("phase");
                return phase.getLength() == 0 ? null : phase.item(0).getTextContent();
            }
        }
        throw new AssertionError("no goal " + goal + " in " + descriptor.toAbsolutePath());
    }
}
