package ai.pmoves.engine.apply;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.migration.FilesAndHistory;
import ai.pmoves.engine.migration.Migration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan, without a database: what an apply baselines, runs and counts as done, and what it refuses first. */
class ApplyPlanTest {
    private final FilesAndHistory history = new FilesAndHistory();
    private final List<HistoryRow> rows = history.rows;
    private ApplyOptions options = ApplyOptions.of(configured(Path.of("migrations")));

    private ApplyPlanTest migration(String fileName, String state) {
        history.migration(fileName, state);
        return this;
    }

    private ApplyPlanTest options(String target, String baseline, boolean outOfOrder) {
        options = options.withTarget(target).withBaseline(baseline).withOutOfOrder(outOfOrder);
        return this;
    }

    private ApplyPlan plan() {
        return ApplyPlan.of(history.files(), rows, FilesAndHistory::checksum, options);
    }

    private static List<String> names(List<Migration> migrations) {
        return migrations.stream().map(Migration::fileName).toList();
    }

    @Test
    void pendingMigrationsRunInTimeOrderAndAppliedOnesCountAsUpToDate() {
        migration("2025-01-03_c.sql", null).migration("20250101_a.sql", "applied").migration("20250102_b.sql", null);
        ApplyPlan plan = plan();
        assertEquals(List.of("20250102_b.sql", "2025-01-03_c.sql"), names(plan.toRun()));
        assertEquals(List.of(), plan.toBaseline());
        assertEquals(1, plan.upToDate());
    }

    @Test
    void nothingToDoWhenEveryFileIsAppliedOrBaselined() {
        migration("20250101_a.sql", "baseline").migration("20250102_b.sql", "applied");
        assertEquals(new ApplyPlan(List.of(), List.of(), 2, List.of()), plan());
    }

    @Test
    void baselineRecordsThePendingMigrationsUpToItAndRunsTheRest() {
        migration("20250101_a.sql", null).migration("20250102_b.sql", null).migration("20250103_c.sql", null)
                .options(null, "20250102_b.sql", false);
        ApplyPlan plan = plan();
        assertEquals(List.of("20250101_a.sql", "20250102_b.sql"), names(plan.toBaseline()));
        assertEquals(List.of("20250103_c.sql"), names(plan.toRun()));
    }

    @Test
    void targetStopsAfterThatVersionAndMustNameAFile() {
        migration("20250101_a.sql", null).migration("2025-01-02_b.sql", null).migration("20250103_c.sql", null)
                .options("2025-01-02_b", null, false);
        assertEquals(List.of("20250101_a.sql", "2025-01-02_b.sql"), names(plan().toRun()));
        options("20990101", null, false);
        PmovesException e = assertThrows(PmovesException.class, this::plan);
        assertEquals("target '20990101' matches no migration file. Use a version as pmoves:status lists it, e.g."
                + " 20250103.", e.getMessage());
    }

    @Test
    void anOlderPendingMigrationIsRefusedUnlessOutOfOrderIsAllowed() {
        migration("20250101_a.sql", null).migration("20250105_b.sql", "applied").migration("20250106_c.sql", null);
        PmovesException e = assertThrows(PmovesException.class, this::plan);
        assertEquals("Pending migrations are older than the newest applied one: 20250101_a.sql. Running them now would"
                + " apply them out of time order. Give them a newer timestamp, or allow it with"
                + " -Dpmoves.outOfOrder=true.", e.getMessage());
        options(null, null, true);
        assertEquals(List.of("20250101_a.sql", "20250106_c.sql"), names(plan().toRun()));
    }

    @Test
    void anOlderMigrationBelowTheBaselineIsRecordedNotRefused() {
        migration("20250101_a.sql", null).migration("20250105_b.sql", "applied").options(null, "20250101", false);
        assertEquals(List.of("20250101_a.sql"), names(plan().toBaseline()));
    }

    @Test
    void aChangedMigrationIsRefused() {
        migration("20250101_a.sql", "applied").migration("20250102_b.sql", "applied").migration("20250103_c.sql", null);
        rows.set(0, new HistoryRow("20250101", "a", "an older checksum", null, null, null, "applied"));
        PmovesException e = assertThrows(PmovesException.class, this::plan);
        assertEquals("Applied migration has changed since it ran: " + Path.of("migrations", "20250101_a.sql")
                + ". A migration that ran must not be edited: restore the file and put the change in a new migration"
                + " (or, if the edit is cosmetic, store the new checksum: mvn pmoves:repair -Dpmoves.realign=true).",
                e.getMessage());
    }

    @Test
    void aFailedMigrationIsRefusedNamingTheTableItIsRecordedIn() {
        migration("20250101_a.sql", "failed").migration("20250102_b.sql", null);
        PmovesException e = assertThrows(PmovesException.class, this::plan);
        assertEquals("Migration 20250101_a.sql (version 20250101) failed part-way in an earlier run and is recorded as"
                + " failed in supabase_migrations.schema_migrations_failed. Undo what it did by hand and clear the row"
                + " so that it runs again (mvn pmoves:repair -Dpmoves.clearFailed=20250101), or finish it by hand and"
                + " record it as applied (mvn pmoves:repair -Dpmoves.markApplied=20250101).", e.getMessage());
    }

    @Test
    void aRecordedMigrationWithoutItsFileIsAWarningNotARefusal() {
        migration("20250102_b.sql", null);
        rows.add(new HistoryRow("20250101", "a", "x", null, null, null, "applied"));
        ApplyPlan plan = plan();
        assertEquals(List.of("20250102_b.sql"), names(plan.toRun()));
        assertEquals(List.of("Recorded migration 20250101 (a) has no file in the migrations directory."),
                plan.warnings());
    }

    @Test
    void rowsTheSupabaseCliWroteWithoutAChecksumCountAsApplied() {
        migration("20250101_a.sql", null).migration("20250102_b.sql", null);
        rows.add(new HistoryRow("20250101", "a", null, null, null, null, null));
        ApplyPlan plan = plan();
        assertEquals(List.of("20250102_b.sql"), names(plan.toRun()));
        assertEquals(1, plan.upToDate());
    }
}
