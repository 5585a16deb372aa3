package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the migrations of a directory and puts them in time order (design.md: Files, names and order). */
public final class MigrationScanner {
    private MigrationScanner() {
    }

    /** The {@code .sql} files directly inside the migrations directory, in time order (none in a missing default). */
    public static List<Migration> scan(ConfiguredDirectory migrationsDirectory) {
        List<Migration> migrations = new ArrayList<>();
        for (Path file : SqlFiles.list(migrationsDirectory, "migrationsDirectory")) {
            migrations.add(new Migration(file, MigrationName.parse(file.getFileName().toString()),
                    SqlFiles.outsideProject(file, migrationsDirectory.project())));
        }
        migrations.sort(MigrationOrder.COMPARATOR);
        rejectDuplicateVersions(migrations);
        return migrations;
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
