package ai.pmoves.engine.migration;

import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Compares the migration files with the history: the state of every migration, in time order. */
public final class MigrationStatus {
    private static final Comparator<MigrationInfo> ORDER = Comparator
            .comparing((MigrationInfo i) -> i.orderKey() == null ? "" : i.orderKey())
            .thenComparing(i -> i.migration() != null ? i.migration().fileName() : i.version());

    private final List<MigrationInfo> migrations;

    private MigrationStatus(List<MigrationInfo> migrations) {
        this.migrations = migrations;
    }

    /**
     * @param files      the migrations on disk, in time order
     * @param rows       every history row
     * @param checksumOf reads a file's checksum (only called for files that have a row)
     */
    public static MigrationStatus of(List<Migration> files, List<HistoryRow> rows,
                                     Function<Migration, String> checksumOf) {
        Map<String, HistoryRow> byVersion = new HashMap<>();
        for (HistoryRow row : rows) {
            byVersion.put(row.version(), row);
        }
        Map<String, Migration> fileByVersion = new HashMap<>();
        for (Migration m : files) {
            fileByVersion.put(m.version(), m);
        }
        String newestRecorded = null;
        for (HistoryRow row : rows) {
            Migration file = fileByVersion.get(row.version());
            String key = file != null ? file.orderKey() : MigrationName.orderKeyOfVersion(row.version());
            if (key != null && (newestRecorded == null || key.compareTo(newestRecorded) > 0)) {
                newestRecorded = key;
            }
        }
        List<MigrationInfo> infos = new ArrayList<>(files.size() + 4);
        for (Migration m : files) {
            HistoryRow row = byVersion.get(m.version());
            if (row == null) {
                boolean late = newestRecorded != null && m.orderKey().compareTo(newestRecorded) < 0;
                infos.add(new MigrationInfo(m.version(), m.fileName(),
                        late ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING, m, null, null, m.orderKey()));
                continue;
            }
            String checksum = checksumOf.apply(m);
            MigrationState state;
            if (row.isFailed()) {
                state = MigrationState.FAILED;
            } else if (row.checksum() != null && !row.checksum().equals(checksum)) {
                state = MigrationState.CHANGED;
            } else if (row.isBaseline()) {
                state = MigrationState.BASELINE;
            } else {
                state = MigrationState.APPLIED;
            }
            infos.add(new MigrationInfo(m.version(), m.fileName(), state, m, row, checksum, m.orderKey()));
        }
        for (HistoryRow row : rows) {
            if (!fileByVersion.containsKey(row.version())) {
                infos.add(new MigrationInfo(row.version(), row.name() == null ? row.version() : row.name(),
                        row.isFailed() ? MigrationState.FAILED : MigrationState.MISSING, null, row, null,
                        MigrationName.orderKeyOfVersion(row.version())));
            }
        }
        infos.sort(ORDER);
        return new MigrationStatus(List.copyOf(infos));
    }

    public List<MigrationInfo> migrations() {
        return migrations;
    }

    public List<MigrationInfo> inState(MigrationState state) {
        return migrations.stream().filter(i -> i.state() == state).toList();
    }

    /** How many migrations are in each state (every state present, zero when none). */
    public Map<MigrationState, Integer> counts() {
        Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
        for (MigrationState s : MigrationState.values()) {
            counts.put(s, 0);
        }
        for (MigrationInfo i : migrations) {
            counts.merge(i.state(), 1, Integer::sum);
        }
        return counts;
    }
}
