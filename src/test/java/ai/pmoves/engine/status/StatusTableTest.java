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

class StatusTableTest {
    @Test
    void columnsLineUpAndLinesEndWithoutBlanks() {
        MigrationStatus status = MigrationStatus.of(
                List.of(m("20250101_create_profiles.sql"), m("2025-09-08_geometry_bus.sql")),
                List.of(new HistoryRow("20250101", "create_profiles", "sum-20250101_create_profiles.sql",
                        LocalDateTime.of(2025, 1, 2, 3, 4, 5), 12, "postgres", "applied")),
                f -> "sum-" + f.fileName());
        List<SeedInfo> seeds = List.of(new SeedInfo("supabase/seed.sql", SeedState.APPLIED, null,
                new SeedRow("supabase/seed.sql", "h", LocalDateTime.of(2025, 1, 2, 3, 4, 6), 3), "h"));
        List<String> lines = StatusTable.lines(new StatusReport("jdbc:postgresql://h/db", "17.6", status, seeds));
        assertEquals(List.of(
                "Database jdbc:postgresql://h/db (PostgreSQL 17.6)",
                "version                  name                          state         applied at (UTC)     ms",
                "20250101                 20250101_create_profiles.sql  applied       2025-01-02 03:04:05  12",
                "2025-09-08_geometry_bus  2025-09-08_geometry_bus.sql   pending",
                "2 migrations: 1 applied, 1 pending (0 out of order), 0 changed, 0 missing, 0 failed, 0 baseline.",
                "seed               state     applied at (UTC)",
                "supabase/seed.sql  applied   2025-01-02 03:04:06",
                "1 seed file: 1 applied, 0 pending, 0 changed, 0 missing."), lines);
    }

    @Test
    void oneMigrationIsSingularAndInitScriptsHaveTheirOwnHeading() {
        MigrationStatus status = MigrationStatus.of(List.of(m("20250101_create_profiles.sql")), List.of(),
                f -> "sum-" + f.fileName());
        List<SeedInfo> seeds = List.of(
                new SeedInfo("supabase/initdb/01_roles.sql", SeedState.PENDING, null, null, null, true),
                new SeedInfo("supabase/initdb/02_gone.sql", SeedState.MISSING, null, null, null, true),
                new SeedInfo("supabase/seed.sql", SeedState.PENDING, null, null, null));
        List<String> lines = StatusTable.lines(new StatusReport("jdbc:postgresql://h/db", "17.6", status, seeds));
        assertEquals(List.of(
                "1 migration: 0 applied, 1 pending (0 out of order), 0 changed, 0 missing, 0 failed, 0 baseline.",
                "init script                   state     applied at (UTC)",
                "supabase/initdb/01_roles.sql  pending",
                "supabase/initdb/02_gone.sql   missing",
                "2 init scripts: 0 applied, 1 pending, 0 changed, 1 missing.",
                "seed               state     applied at (UTC)",
                "supabase/seed.sql  pending",
                "1 seed file: 0 applied, 1 pending, 0 changed, 0 missing."), lines.subList(3, lines.size()));
    }

    private static Migration m(String name) {
        return new Migration(Path.of(name), MigrationName.parse(name));
    }
}
