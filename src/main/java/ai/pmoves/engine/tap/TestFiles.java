package ai.pmoves.engine.tap;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.migration.NaturalOrder;
import ai.pmoves.engine.migration.SqlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pgTAP files of a test directory, as {@code supabase test db} finds them (pg_prove {@code -r --ext .sql --ext .pg}):
 * every {@code *.sql} and {@code *.pg} file below it, in subdirectories too, links followed. They run in natural order
 * of their path from the directory: pg_prove sorts the paths as text, and so does this, except that a run of digits
 * compares as a number, so {@code 2_x.sql} runs before {@code 10_x.sql}. The two agree wherever the numbers of the
 * names have the same width ({@code 01_}, {@code 02_}, …, the usual way to order test files).
 */
public final class TestFiles {
    /** The names pg_prove runs. */
    private static final List<String> SUFFIXES = List.of(".sql", ".pg");
    private static final String SUITE_PREFIX = "pmoves.test.";

    private TestFiles() {
    }

    /**
     * The test files in run order; none when {@code directory} is a missing default one.
     *
     * @param baseDirectory the project directory, which messages name the files from
     */
    public static List<TestFile> scan(ConfiguredDirectory directory, Path baseDirectory) {
        if (!directory.exists("testDirectory")) {
            return List.of();
        }
        Path root = directory.path();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            entries.filter(TestFiles::isTestName).forEach(entry -> {
                if (isTestFile(entry)) {
                    found.add(entry);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new PmovesException("Cannot list testDirectory '" + root + "': " + e.getMessage(), e);
        }
        Map<Path, String> relative = new HashMap<>();
        found.forEach(f -> relative.put(f, root.relativize(f).toString().replace('\\', '/')));
        found.sort(Comparator.comparing(relative::get, NaturalOrder.INSTANCE));
        Map<String, Integer> suites = new HashMap<>();
        found.forEach(f -> suites.merge(suite(relative.get(f), false), 1, Integer::sum));
        List<TestFile> files = new ArrayList<>();
        for (Path f : found) {
            String suite = suite(relative.get(f), false);
            // x.sql and x.pg side by side: each keeps its extension, so that neither report overwrites the other
            files.add(new TestFile(f, SqlFiles.recordedPath(baseDirectory, f),
                    suites.get(suite) > 1 ? suite(relative.get(f), true) : suite));
        }
        return files;
    }

    private static boolean isTestName(Path entry) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /**
     * Whether a {@code .sql} or {@code .pg} entry is a file to run; a directory is not. One that is neither (a link to
     * nothing) is an error naming it: skipping it would skip its tests without a word.
     */
    private static boolean isTestFile(Path entry) {
        if (Files.isDirectory(entry)) {
            return false;
        }
        if (Files.isRegularFile(entry)) {
            return true;
        }
        throw new PmovesException("'" + entry + "' in testDirectory is named like a test file but is not a regular"
                + " file (a link to nothing?): make it one, or remove it.");
    }

    /** {@code pmoves.test.} and the path with dots, its extension dropped ({@code rls/a.sql}: {@code pmoves.test.rls.a}). */
    private static String suite(String relativePath, boolean keepExtension) {
        int dot = relativePath.lastIndexOf('.');
        String name = keepExtension ? relativePath.substring(0, dot) + "_" + relativePath.substring(dot + 1)
                : relativePath.substring(0, dot);
        StringBuilder sb = new StringBuilder(SUITE_PREFIX);
        for (char c : name.toCharArray()) {
            sb.append(c == '/' ? '.' : Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' ? c : '_');
        }
        return sb.toString();
    }
}
