package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the migrations of a directory and puts them in time order (design.md: Files, names and order). */
public final class MigrationScanner {
    private MigrationScanner() {
    }

    /**
     * The {@code .sql} files directly inside {@code directory}, in time order.
     *
     * @param parameter the name of the parameter that gave the directory, used in the error when it is missing
     * @param configured whether the user set the directory: a missing default directory just means no migrations
     */
    public static List<Migration> scan(Path directory, String parameter, boolean configured) {
        List<Migration> migrations = new ArrayList<>();
        for (Path file : SqlFiles.list(directory, parameter, configured)) {
            migrations.add(new Migration(file, MigrationName.parse(file.getFileName().toString())));
        }
        migrations.sort(MigrationOrder.COMPARATOR);
        rejectDuplicateVersions(migrations);
        return migrations;
    }

    /**
     * Whether {@code directory} exists; a configured one that does not is an error naming the parameter, since only
     * a default directory may be absent: a typo in a path must not read as "nothing to do".
     */
    public static boolean directoryExists(Path directory, String parameter, boolean configured) {
        return SqlFiles.directoryExists(directory, parameter, configured);
    }

    private static void rejectDuplicateVersions(List<Migration> migrations) {
        Map<String, Migration> byVersion = new HashMap<>();
        for (Migration m : migrations) {
            Migration other = byVersion.putIfAbsent(m.version(), m);
            if (other != null) {
                throw new PmovesException("Two migrations have the same version " + m.version() + ": '"
                        + other.fileName() + "' and '" + m.fileName() + "'. The version is the history key, so one"
                        + " would never run: give one of them a later timestamp (e.g. YYYYMMDDhhmmss_…).");
            }
        }
    }
}
