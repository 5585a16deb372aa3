package ai.pmoves.engine.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of the test directory run, in which order, and under which suite names. */
class TestFilesTest {
    @TempDir
    Path project;

    @Test
    void everySqlAndPgFileBelowTheDirectoryInNaturalOrderOfItsPath() throws Exception {
        Path tests = project.resolve("supabase/tests");
        for (String f : List.of("10_views.sql", "2_tables.sql", "01_setup.pg", "rls/02_posts.sql", "rls/1_profiles.sql",
                "rls-extra.sql", "notes.md", "helpers/README", "data.sql.bak")) {
            Files.createDirectories(tests.resolve(f).getParent());
            Files.writeString(tests.resolve(f), "SELECT 1;\n");
        }
        Files.createDirectories(tests.resolve("empty.sql")); // a directory named like a file is not one
        List<TestFile> files = TestFiles.scan(ConfiguredDirectory.byDefault(tests), project);
        assertEquals(List.of("supabase/tests/01_setup.pg", "supabase/tests/2_tables.sql", "supabase/tests/10_views.sql",
                "supabase/tests/rls-extra.sql", "supabase/tests/rls/1_profiles.sql", "supabase/tests/rls/02_posts.sql"),
                files.stream().map(TestFile::path).toList());
        assertEquals(List.of("pmoves.test.01_setup", "pmoves.test.2_tables", "pmoves.test.10_views",
                "pmoves.test.rls-extra", "pmoves.test.rls.1_profiles", "pmoves.test.rls.02_posts"),
                files.stream().map(TestFile::suite).toList());
    }

    @Test
    void twoFilesOfOneNameKeepTheirExtensionsInTheirSuiteNames() throws Exception {
        Path tests = Files.createDirectories(project.resolve("supabase/tests"));
        Files.writeString(tests.resolve("a.sql"), "SELECT 1;\n");
        Files.writeString(tests.resolve("a.pg"), "SELECT 1;\n");
        Files.writeString(tests.resolve("b c.sql"), "SELECT 1;\n");
        assertEquals(List.of("pmoves.test.a_pg", "pmoves.test.a_sql", "pmoves.test.b_c"),
                TestFiles.scan(ConfiguredDirectory.byDefault(tests), project).stream().map(TestFile::suite).toList());
    }

    @Test
    void aMissingDefaultDirectoryHoldsNoTestsAndAMissingConfiguredOneIsAnError() {
        Path tests = project.resolve("supabase/tests");
        assertEquals(List.of(), TestFiles.scan(ConfiguredDirectory.byDefault(tests), project));
        PmovesException e = assertThrows(PmovesException.class,
                () -> TestFiles.scan(ConfiguredDirectory.configured(tests), project));
        assertTrue(e.getMessage().startsWith("The configured testDirectory '" + tests + "' does not exist"),
                e.getMessage());
    }

    @Test
    void aLinkToNothingNamedLikeATestIsAnError() throws Exception {
        Path tests = Files.createDirectories(project.resolve("supabase/tests"));
        Files.createSymbolicLink(tests.resolve("gone.sql"), tests.resolve("nowhere.sql"));
        PmovesException e = assertThrows(PmovesException.class,
                () -> TestFiles.scan(ConfiguredDirectory.byDefault(tests), project));
        assertTrue(e.getMessage().contains("gone.sql' in testDirectory is named like a test file but is not a regular"
                + " file"), e.getMessage());
    }
}
