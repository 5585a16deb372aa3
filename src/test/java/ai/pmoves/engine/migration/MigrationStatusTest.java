package ai.pmoves.engine.migration;

import ai.pmoves.engine.history.HistoryRow;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MigrationStatusTest {
    private static final LocalDateTime AT = LocalDateTime.of(2025, 1, 2, 3, 4, 5);

    @Test
    void everyStateFromFilesAndHistory() {
        List<Migration> files = List.of(m("20250101_applied.sql"), m("20250102_changed.sql"), m("20250103_cli.sql"),
                m("20250104_late.sql"), m("20250106_base.sql"), m("20250107_failed.sql"), m("20250108_new.sql"));
        List<HistoryRow> rows = List.of(
                row("20250101", "sum-20250101_applied.sql", "applied"),
                row("20250102", "old", "applied"),
                row("20250103", null, null), // written by the Supabase CLI: no checksum, no state
                row("20250105", "x", "applied"), // its file is gone
                row("20250106", "sum-20250106_base.sql", "baseline"),
                row("20250107", "sum-20250107_failed.sql", "failed"));
        MigrationStatus status = MigrationStatus.of(files, rows, f -> "sum-" + f.fileName());
        assertEquals(List.of("20250101 applied", "20250102 changed", "20250103 applied", "20250104 out-of-order",
                        "20250105 missing", "20250106 baseline", "20250107 failed", "20250108 pending"),
                status.migrations().stream().map(i -> i.version() + " " + i.state().label()).toList());
        Map<MigrationState, Integer> counts = status.counts();
        assertEquals(2, counts.get(MigrationState.APPLIED));
        assertEquals(1, counts.get(MigrationState.OUT_OF_ORDER));
    }

    private static Migration m(String name) {
        return new Migration(Path.of(name), MigrationName.parse(name));
    }

    private static HistoryRow row(String version, String checksum, String state) {
        return new HistoryRow(version, "n", checksum, AT, 1, "postgres", state);
    }
}
