package ai.pmoves.engine.status;

import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationName;
import ai.pmoves.engine.migration.MigrationStatus;
import ai.pmoves.engine.seed.SeedInfo;
import ai.pmoves.engine.seed.SeedRow;
import ai.pmoves.engine.seed.SeedState;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusReportTest {
    private static final LocalDateTime AT = LocalDateTime.of(2025, 1, 2, 3, 4, 5);

    @Test
    void jsonHasTheDesignedShape() {
        MigrationStatus status = MigrationStatus.of(List.of(m("20250101_a.sql"), m("20250102_b.sql")),
                List.of(new HistoryRow("20250101", "a", "sum-20250101_a.sql", AT, 12, "postgres", "applied")),
                f -> "sum-" + f.fileName());
        String json = StatusJson.toJson(new StatusReport("jdbc:postgresql://h/db", "17.6", status));
        assertEquals("""
                {
                  "database": {"url": "jdbc:postgresql://h/db", "serverVersion": "17.6"},
                  "migrations": [
                    {"version": "20250101", "name": "20250101_a.sql", "state": "applied", "appliedAt": "2025-01-02T03:04:05", "executionMs": 12, "checksum": "sum-20250101_a.sql"},
                    {"version": "20250102", "name": "20250102_b.sql", "state": "pending", "appliedAt": null, "executionMs": null, "checksum": null}
                  ],
                  "seeds": [],
                  "definitions": [],
                  "summary": {"applied": 1, "pending": 1, "changed": 0, "missing": 0, "failed": 0, "baseline": 0, "outOfOrder": 0}
                }
                """, json);
        assertTrue(StatusTable.lines(new StatusReport("u", "17", status)).get(2).matches(
                "20250101 +20250101_a.sql +applied +2025-01-02 03:04:05 +12"));
    }

    @Test
    void seedsAreASectionOfTheirOwn() {
        MigrationStatus status = MigrationStatus.of(List.of(), List.of(), f -> null);
        List<SeedInfo> seeds = List.of(
                new SeedInfo("supabase/initdb/02_seed.sql", SeedState.APPLIED, null,
                        new SeedRow("supabase/initdb/02_seed.sql", "h", AT, 3), "h"),
                new SeedInfo("db/v5_12_seed.sql", SeedState.PENDING, null, null, null));
        StatusReport report = new StatusReport("u", "17", status, seeds);
        assertTrue(StatusJson.toJson(report).contains("""
                  "seeds": [
                    {"path": "supabase/initdb/02_seed.sql", "state": "applied", "appliedAt": "2025-01-02T03:04:05"},
                    {"path": "db/v5_12_seed.sql", "state": "pending", "appliedAt": null}
                  ],
                """), StatusJson.toJson(report));
        List<String> lines = StatusTable.lines(report);
        assertEquals(List.of("seed                         state     applied at (UTC)",
                "supabase/initdb/02_seed.sql  applied   2025-01-02 03:04:05",
                "db/v5_12_seed.sql            pending",
                "2 seed files: 1 applied, 1 pending, 0 changed, 0 missing."), lines.subList(lines.size() - 4, lines.size()));
    }

    private static Migration m(String name) {
        return new Migration(Path.of(name), MigrationName.parse(name));
    }
}
