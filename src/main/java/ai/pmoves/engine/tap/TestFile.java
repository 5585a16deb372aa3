package ai.pmoves.engine.tap;

/**
 * A pgTAP file of the test directory.
 *
 * @param file  where it is
 * @param path  how messages name it: its path from the project directory, with {@code /} ({@code supabase/tests/rls/profiles.sql})
 * @param suite its test suite's name in the JUnit reports, {@code pmoves.test.} and its path from the test directory
 *              with dots and without its extension ({@code pmoves.test.rls.profiles}), as a test class is named
 */
public record TestFile(java.nio.file.Path file, String path, String suite) {
}
