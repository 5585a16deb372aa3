package ai.pmoves.maven;

import static ai.pmoves.maven.MojoTestSupport.configure;
import static ai.pmoves.maven.MojoTestSupport.projectWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.PgTapFixture;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test goal as Maven builds it: a failure fails the build unless ignored as surefire's are, skipTests skips it. */
@MojoTest
class TestMojoTest {
    private static final String POM = "classpath:/unit/project/pom.xml";
    private static final String FAILING = "SELECT plan(2);\nSELECT ok(true, 'fine');\nSELECT is(1, 2, 'one is two');\n";

    @TempDir
    Path root;

    @BeforeAll
    static void pgTap() {
        PgTapFixture.ensure();
    }

    @Test
    @InjectMojo(goal = "test", pom = POM)
    void aFailedTestFailsTheBuildAndIsReported(TestMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_test");
        configure(mojo, db, projectWith(root, "supabase/tests/rls", "01_notes.sql", FAILING));
        mojo.reportsDirectory = root.resolve("target/pmoves-reports").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("There are pgTAP test failures (Tests run: 2, Failures: 1, Errors: 0, Skipped: 0): see the"
                + " failures above, and the reports in " + mojo.reportsDirectory + ".", e.getMessage());
        assertTrue(Files.exists(root.resolve("target/pmoves-reports/TEST-pmoves.test.rls.01_notes.xml")));
    }

    @Test
    @InjectMojo(goal = "test", pom = POM)
    void testFailureIgnoreLetsTheBuildGoOn(TestMojo mojo) throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("mojo_test_ignore");
        configure(mojo, db, projectWith(root, "supabase/tests", "01_notes.sql", FAILING));
        mojo.reportsDirectory = root.resolve("target/pmoves-reports").toFile();
        mojo.testFailureIgnore = true;
        mojo.execute();
        assertTrue(Files.readString(root.resolve("target/pmoves-reports/TEST-pmoves.test.01_notes.xml"))
                .contains("failures=\"1\""));
    }

    @Test
    @InjectMojo(goal = "test", pom = POM)
    void skipTestsRunsNothingAndConnectsNowhere(TestMojo mojo) throws Exception {
        configure(mojo, null, projectWith(root, "supabase/tests", "01_notes.sql", FAILING));
        mojo.url = "jdbc:postgresql://10.255.255.1:1/never";
        mojo.reportsDirectory = root.resolve("target/pmoves-reports").toFile();
        mojo.skipTests = true;
        mojo.execute();
        assertFalse(Files.exists(root.resolve("target/pmoves-reports")));
    }

    @Test
    @InjectMojo(goal = "test", pom = POM)
    void aConfiguredTestDirectoryThatIsMissingIsAnError(TestMojo mojo) throws Exception {
        configure(mojo, null, root);
        mojo.testDirectory = root.resolve("db/tests").toFile();
        mojo.reportsDirectory = root.resolve("target/pmoves-reports").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("The configured testDirectory '" + root.resolve("db/tests")
                + "' does not exist"), e.getMessage());
    }
}
