package ai.pmoves.engine.migration;

import ai.pmoves.engine.history.HistoryRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Migration files and history rows for the plans' tests, with neither a disk nor a database behind them. */
public final class FilesAndHistory {
    private final List<Migration> files = new ArrayList<>();
    public final List<HistoryRow> rows = new ArrayList<>();

    /** A migration file whose checksum is its name, recorded with {@code state} (null: not recorded). */
    public void migration(String fileName, String state) {
        MigrationName name = MigrationName.parse(fileName);
        files.add(new Migration(Path.of("migrations", fileName), name));
        if (state != null) {
            rows.add(new HistoryRow(name.version(), name.description(), fileName, null, null, null, state));
        }
    }

    /** The files in time order, as the scanner returns them. */
    public List<Migration> files() {
        return files.stream().sorted(MigrationOrder.COMPARATOR).toList();
    }

    /** Each file's checksum: its name. */
    public static String checksum(Migration migration) {
        return migration.fileName();
    }
}
