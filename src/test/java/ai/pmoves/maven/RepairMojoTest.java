package ai.pmoves.maven;

import static ai.pmoves.maven.MojoTestSupport.configure;
import static ai.pmoves.maven.MojoTestSupport.projectWithMigrations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repair goal: comma lists and clearFailed=true|versions reach the engine; bad input fails the build. */
@MojoTest
class RepairMojoTest {
    private static final String POM = "classpath:/unit/project/pom.xml";
    private static final String FAILED_ROW = "CREATE SCHEMA supabase_migrations; CREATE TABLE"
            + " supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text,"
            + " checksum text, applied_at timestamp, execution_ms integer, applied_by text, state text);"
            + " INSERT INTO supabase_migrations.schema_migrations (version, name, state) VALUES ('20250102', 'b', 'failed')";

    @TempDir
    Path root;

    @Test
    @InjectMojo(goal = "repair", pom = POM)
    void marksSeveralVersionsAndClearsEveryFailedRow(RepairMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_repair");
        execute(db, FAILED_ROW);
        configure(mojo, db, projectWithMigrations(root, "20250101_a.sql", "SELECT 1;\n", "20250102_b.sql", "SELECT 2;\n",
                "20250103_c.sql", "SELECT 3;\n"));
        mojo.markApplied = "20250101, 20250103_c.sql";
        mojo.clearFailed = "TRUE";
        mojo.execute();
        assertEquals("20250101,20250103", single(db, "SELECT string_agg(version, ',' ORDER BY version)"
                + " FROM supabase_migrations.schema_migrations"));
    }

    @Test
    @InjectMojo(goal = "repair", pom = POM)
    void anUnknownVersionFailsTheBuild(RepairMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_repair_unknown");
        execute(db, FAILED_ROW);
        configure(mojo, db, projectWithMigrations(root, "20250102_b.sql", "SELECT 2;\n"));
        mojo.clearFailed = "20250102,20991231";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("clearFailed '20991231' matches no migration file"), e.getMessage());
        assertEquals("failed", single(db, "SELECT state FROM supabase_migrations.schema_migrations"));
    }

    @Test
    @InjectMojo(goal = "repair", pom = POM)
    void trueBesideVersionsFailsTheBuildAndChangesNothing(RepairMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_repair_true_and_versions");
        execute(db, FAILED_ROW);
        configure(mojo, db, projectWithMigrations(root, "20250102_b.sql", "SELECT 2;\n"));
        mojo.clearFailed = "true,20250102";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("clearFailed 'true,20250102' gives true beside versions: give true (every failed row) or the"
                + " versions only, e.g. -Dpmoves.clearFailed=true or -Dpmoves.clearFailed=20250102.", e.getMessage());
        assertEquals("failed", single(db, "SELECT state FROM supabase_migrations.schema_migrations"));
    }

    private static void execute(TestPostgres.Database db, String sql) throws Exception {
        try (Connection c = db.connect()) {
            c.createStatement().execute(sql);
        }
    }

    private static String single(TestPostgres.Database db, String sql) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
