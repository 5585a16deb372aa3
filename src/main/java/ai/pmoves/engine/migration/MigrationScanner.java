package ai.pmoves.engine.migration;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the migrations of a directory and puts them in time order (design.md: Files, names and order). A {@code .sql}
 * file whose name is no migration's is skipped, as the Supabase CLI skips it, unless the directory has strict names.
 */
public final class MigrationScanner {
    private MigrationScanner() {
    }

    /** {@link #scan(ConfiguredDirectory, EngineLog)} without a word about the files it skips. */
    public static List<Migration> scan(ConfiguredDirectory migrationsDirectory) {
        return scan(migrationsDirectory, EngineLog.SILENT);
    }

    /**
     * The migrations directly inside the migrations directory, in time order (none in a missing default).
     *
     * @param log where each skipped file gets its warning: its name and how to make it run
     */
    public static List<Migration> scan(ConfiguredDirectory migrationsDirectory, EngineLog log) {
        List<Migration> migrations = new ArrayList<>();
        for (Path file : SqlFiles.list(migrationsDirectory, "migrationsDirectory")) {
            String fileName = file.getFileName().toString();
            MigrationName name = MigrationName.of(fileName);
            if (name == null && migrationsDirectory.strictNames()) {
                throw new PmovesException(Printable.of(shown(file, migrationsDirectory)) + " is in the migrations"
                        + " directory, and its name fits none of the accepted forms: " + MigrationName.FORMS + ". With"
                        + " strictFileNames=true such a file is refused: rename it (e.g. "
                        + Printable.of(MigrationName.suggestedFor(fileName)) + "), or move it out of the migrations"
                        + " directory.");
            }
            if (name == null) {
                log.warn(skipped(file, migrationsDirectory));
                continue;
            }
            migrations.add(new Migration(file, name, SqlFiles.outsideProject(file, migrationsDirectory.project())));
        }
        migrations.sort(MigrationOrder.COMPARATOR);
        rejectDuplicateVersions(migrations);
        return migrations;
    }

    private static String skipped(Path file, ConfiguredDirectory directory) {
        String fileName = file.getFileName().toString();
        return "Skipped " + Printable.of(shown(file, directory)) + ": its name is not a migration's (digits, an underscore, a"
                + " description), and the Supabase CLI skips it too. To run it, rename it to "
                + Printable.of(MigrationName.suggestedFor(fileName)) + "; to refuse such a file instead, set"
                + " strictFileNames=true.";
    }

    /** The file as the log names it: from the project directory when it is known. */
    private static String shown(Path file, ConfiguredDirectory directory) {
        return directory.project() == null ? file.toString() : SqlFiles.recordedPath(directory.project(), file);
    }

    private static void rejectDuplicateVersions(List<Migration> migrations) {
        Map<String, Migration> byVersion = new HashMap<>();
        for (Migration m : migrations) {
            Migration other = byVersion.putIfAbsent(m.version(), m);
            if (other != null) {
                throw new PmovesException("Two migrations have the same version " + Printable.of(m.version()) + ": '"
                        + Printable.of(other.fileName()) + "' and '" + Printable.of(m.fileName()) + "'. The version is"
                        + " the history key, so one would never run: give one of them a later timestamp (e.g."
                        + " YYYYMMDDhhmmss_…).");
            }
        }
    }
}
