package ai.pmoves.maven;

import static ai.pmoves.maven.MojoTestSupport.configure;
import static ai.pmoves.maven.MojoTestSupport.projectWithMigrations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validate goal: no database, its report file, rules turned off, and failOn. */
@MojoTest
class ValidateMojoTest {
    private static final String POM = "classpath:/unit/project/pom.xml";

    @TempDir
    Path root;

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void defaultsFromThePom(ValidateMojo mojo) {
        assertEquals("error", mojo.failOn);
        assertEquals(null, mojo.skipRules);
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void warningsAreReportedWithoutFailingByDefault(ValidateMojo mojo) throws Exception {
        Path project = projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n");
        configure(mojo, project);
        mojo.execute();
        String json = Files.readString(project.resolve("target/pmoves/validate.json"));
        assertTrue(json.contains("\"rule\": \"if-not-exists\", \"severity\": \"warning\", \"file\":"
                + " \"supabase/migrations/20250101_a.sql\", \"line\": 1, \"column\": 1"), json);
        assertTrue(json.contains("\"summary\": {\"errors\": 0, \"warnings\": 1}"), json);
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void failOnWarningFailsTheBuildAndRulesTurnOff(ValidateMojo mojo) throws Exception {
        configure(mojo, projectWithMigrations(root, "20250101_a.sql", "CREATE TABLE a (id int);\n"));
        mojo.failOn = "warning";
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("pmoves:validate found 0 errors and 1 warning (failOn=warning)"),
                e.getMessage());
        mojo.skipRules = " if-not-exists , uuid-ossp";
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void errorsFailTheBuild(ValidateMojo mojo) throws Exception {
        configure(mojo, projectWithMigrations(root, "20250115_a.sql", "SELECT 1;\n", "20250115_b.sql", "SELECT 1;\n"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("pmoves:validate found 1 error and 0 warnings (failOn=error)"),
                e.getMessage());
        mojo.failOn = "none";
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void badParametersAreClearErrors(ValidateMojo mojo) throws Exception {
        configure(mojo, projectWithMigrations(root));
        mojo.skipRules = "no-such-rule";
        assertTrue(assertThrows(MojoFailureException.class, mojo::execute).getMessage()
                .startsWith("Unknown rule id 'no-such-rule' in skipRules (-Dpmoves.skipRules): the rules are syntax,"));
        mojo.skipRules = null;
        mojo.failOn = "sometimes";
        assertEquals("failOn 'sometimes' (-Dpmoves.failOn) is not one of error, warning, none.",
                assertThrows(MojoFailureException.class, mojo::execute).getMessage());
        mojo.failOn = "error";
        mojo.seedDirectories = java.util.List.of(root.resolve("db").toFile(), root.resolve("more-seeds").toFile());
        assertTrue(assertThrows(MojoFailureException.class, mojo::execute).getMessage()
                .startsWith("The configured seedDirectories '" + root.resolve("db") + "' does not exist"));
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void readsSeedAndInitDirectoriesItIsGiven(ValidateMojo mojo) throws Exception {
        Path project = projectWithMigrations(root);
        Files.createDirectories(project.resolve("seeds"));
        Files.writeString(project.resolve("seeds/v5_12_seed.sql"), "SELECT uuid_generate_v4();\n");
        configure(mojo, project);
        mojo.seedDirectories = java.util.List.of(project.resolve("seeds").toFile());
        mojo.failOn = "none";
        mojo.execute();
        String json = Files.readString(project.resolve("target/pmoves/validate.json"));
        assertTrue(json.contains("\"seeds\": 1") && json.contains("\"file\": \"seeds/v5_12_seed.sql\""), json);
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void lintsTheSupabaseClisSeedFilesByDefault(ValidateMojo mojo) throws Exception {
        Path project = projectWithMigrations(root);
        Files.createDirectories(project.resolve("supabase/seeds"));
        Files.writeString(project.resolve("supabase/seed.sql"), "SELECT uuid_generate_v4();\n");
        Files.writeString(project.resolve("supabase/seeds/demo.sql"), "SELECT 1;\n");
        Files.writeString(project.resolve("supabase/config.toml"),
                "[db.seed]\nenabled = true\nsql_paths = [\"./seed.sql\", \"./seeds/*.sql\"]\n");
        configure(mojo, project);
        mojo.failOn = "none";
        mojo.execute();
        String json = Files.readString(project.resolve("target/pmoves/validate.json"));
        assertTrue(json.contains("\"seeds\": 2") && json.contains("\"file\": \"supabase/seed.sql\""), json);
    }
}
