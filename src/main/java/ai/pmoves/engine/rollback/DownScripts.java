package ai.pmoves.engine.rollback;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.migration.MigrationInfo;
import ai.pmoves.engine.migration.MigrationName;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rollback directory (design.md: Files, names and order): the down script of a migration is the file of the same
 * name there. It lives outside {@code migrations/} on purpose: the psql loop and the Supabase CLI would otherwise run
 * it as a migration.
 */
public final class DownScripts {
    private final Path directory;
    private final boolean exists;

    private DownScripts(Path directory, boolean exists) {
        this.directory = directory;
        this.exists = exists;
    }

    /**
     * The down scripts of {@code directory}. A configured directory that is missing is an error at once; a missing
     * default one holds no down scripts, which matters only when something is to be undone.
     */
    public static DownScripts in(ConfiguredDirectory directory) {
        return new DownScripts(directory.path(), directory.exists("rollbackDirectory"));
    }

    public Path directory() {
        return directory;
    }

    public boolean directoryExists() {
        return exists;
    }

    /**
     * Where the down script of a recorded migration is looked for: the migration's own file name; for a migration
     * whose file is gone, the name it had (the recorded version and name, or a down script with that version).
     */
    public Path pathFor(MigrationInfo info) {
        if (info.migration() != null) {
            return directory.resolve(info.migration().fileName());
        }
        String version = info.version();
        if (version.matches("\\d{4}-\\d{2}-\\d{2}_.+")) {
            return directory.resolve(version + ".sql"); // a dashed version is the whole stem
        }
        String recordedName = info.row() == null ? null : info.row().name();
        if (recordedName != null && !recordedName.isBlank()) {
            return directory.resolve(version + "_" + recordedName + ".sql");
        }
        return withVersion(version).orElse(directory.resolve(version + "_(name).sql"));
    }

    /** Whether the down script is there. */
    public boolean exists(Path downScript) {
        return Files.isRegularFile(downScript);
    }

    private Optional<Path> withVersion(String version) {
        if (!exists) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && version.equals(versionOf(f))).findFirst();
        } catch (IOException e) {
            throw new PmovesException("Cannot list rollbackDirectory '" + Printable.of(directory) + "': "
                    + Printable.of(e.getMessage()), e);
        }
    }

    private static String versionOf(Path file) {
        try {
            return MigrationName.parse(file.getFileName().toString()).version();
        } catch (PmovesException notAMigrationName) {
            return null;
        }
    }
}
