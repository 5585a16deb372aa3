package ai.pmoves.engine.rollback;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.migration.FilesAndHistory;
import ai.pmoves.engine.migration.MigrationStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan check, without a database: which migrations a rollback undoes, and what it refuses before running. */
class RollbackPlanTest {
    private static final String HISTORY = "supabase_migrations.schema_migrations";

    @TempDir
    Path rollbacks;

    private final FilesAndHistory history = new FilesAndHistory();
    private final List<HistoryRow> rows = history.rows;

    private RollbackPlanTest migration(String fileName, String state) {
        history.migration(fileName, state);
        return this;
    }

    private RollbackPlanTest down(String... fileNames) throws IOException {
        for (String f : fileNames) {
            Files.writeString(rollbacks.resolve(f), "-- undo\n");
        }
        return this;
    }

    private RollbackPlan plan(Integer count, String target, boolean force) {
        MigrationStatus status = MigrationStatus.of(history.files(), rows, FilesAndHistory::checksum);
        RollbackOptions options = RollbackOptions.of(configured(Path.of("migrations")),
                configured(rollbacks)).withCount(count).withTarget(target).withForce(force);
        return RollbackPlan.of(status, options, DownScripts.in(options.rollbackDirectory()), HISTORY);
    }

    private static List<String> undone(RollbackPlan plan) {
        return plan.steps().stream().map(RollbackPlan.Step::fileName).toList();
    }

    @Test
    void newestIsByTimeOrderNotByVersionText() throws IOException {
        // as text '2025-12-10_…' sorts before '20251105'; in time it is the newer one
        migration("20251105_chat.sql", "applied").migration("2025-12-10_chat_realtime.sql", "applied")
                .down("20251105_chat.sql", "2025-12-10_chat_realtime.sql");
        assertEquals(List.of("2025-12-10_chat_realtime.sql"), undone(plan(null, null, false)));
        assertEquals(List.of("2025-12-10_chat_realtime.sql", "20251105_chat.sql"), undone(plan(2, null, false)));
    }

    @Test
    void pendingMigrationsAreNotPartOfThePlan() throws IOException {
        migration("20250101_a.sql", "applied").migration("20250102_b.sql", null).down("20250101_a.sql");
        assertEquals(List.of("20250101_a.sql"), undone(plan(null, null, false)));
    }

    @Test
    void countBeyondWhatIsRecordedIsRefused() throws IOException {
        migration("20250101_a.sql", "applied").migration("20250102_b.sql", "applied").down("20250101_a.sql",
                "20250102_b.sql");
        PmovesException e = assertThrows(PmovesException.class, () -> plan(3, null, false));
        assertEquals("count=3, but only 2 migrations are recorded in " + HISTORY + ": nothing was rolled back. Use"
                + " -Dpmoves.count=2 to undo them all.", e.getMessage());
    }

    @Test
    void countAndTargetExcludeEachOtherAndCountIsPositive() {
        PmovesException both = assertThrows(PmovesException.class, () -> plan(2, "20250101", false));
        assertTrue(both.getMessage().startsWith("Give count or target, not both (count=2, target=20250101)"),
                both.getMessage());
        PmovesException zero = assertThrows(PmovesException.class, () -> plan(0, null, false));
        assertTrue(zero.getMessage().startsWith("count must be 1 or more, not 0"), zero.getMessage());
    }

    @Test
    void everyProblemOfThePlanIsReportedAtOnce() throws IOException {
        migration("20250101_a.sql", "baseline").migration("20250102_b.sql", "applied")
                .migration("20250103_c.sql", "applied").migration("20250104_d.sql", "applied")
                .down("20250101_a.sql", "20250103_c.sql");
        rows.set(3, new HistoryRow("20250104", "d", "an older checksum", null, null, null, "applied"));
        PmovesException e = assertThrows(PmovesException.class, () -> plan(4, null, false));
        assertEquals("Nothing was rolled back: the plan to undo 4 migrations (20250104_d.sql, 20250103_c.sql,"
                + " 20250102_b.sql, 20250101_a.sql) cannot run:\n"
                + "- 2 down scripts missing; looked for:\n    " + rollbacks.resolve("20250104_d.sql") + "\n    "
                + rollbacks.resolve("20250102_b.sql") + "\n  Write each one (the SQL that undoes the migration of"
                + " the same name), or undo fewer migrations (count, target).\n"
                + "- " + Path.of("migrations", "20250104_d.sql") + ": changed since it ran. A down script undoes what"
                + " ran, not the edited file: restore the file, or pass -Dpmoves.force=true if the down script still"
                + " fits.\n"
                + "- 20250101_a.sql: recorded as baseline (it never ran here). Its down script would remove objects"
                + " that something else created: pass -Dpmoves.force=true to undo it anyway.", e.getMessage());
    }

    @Test
    void forceLetsChangedBaselineAndGoneMigrationsThroughWithAWarningEach() throws IOException {
        migration("20250101_a.sql", "baseline").migration("20250102_b.sql", "applied")
                .down("20250101_a.sql", "20250102_b.sql", "20250103_c.sql");
        rows.set(1, new HistoryRow("20250102", "b", "an older checksum", null, null, null, "applied"));
        rows.add(new HistoryRow("20250103", "c", "x", null, null, null, "applied")); // its file is gone
        RollbackPlan plan = plan(3, null, true);
        assertEquals(List.of("20250103_c.sql", "20250102_b.sql", "20250101_a.sql"), undone(plan));
        assertEquals(List.of(
                Path.of("migrations", "20250102_b.sql") + ": changed since it ran; undoing it anyway (force=true).",
                "20250101_a.sql: recorded as baseline (it never ran here); undoing it anyway (force=true).",
                "20250103 (c): recorded, but its migration file is gone; undoing it anyway (force=true)."),
                plan.forced());
    }

    @Test
    void aTargetMustBeARecordedMigration() throws IOException {
        migration("20250101_a.sql", "applied").migration("20250102_b.sql", "applied")
                .migration("20250103_c.sql", null).down("20250102_b.sql");
        assertEquals(List.of("20250102_b.sql"), undone(plan(null, "20250101", false)));
        assertEquals(List.of(), undone(plan(null, "20250102_b.sql", false)));
        PmovesException pending = assertThrows(PmovesException.class, () -> plan(null, "20250103", false));
        assertEquals("target '20250103' is pending, not applied: the target of a rollback is the applied migration"
                + " that stays, and everything applied after it is undone. Applied now, newest first: 20250102,"
                + " 20250101.", pending.getMessage());
        PmovesException unknown = assertThrows(PmovesException.class, () -> plan(null, "2024", false));
        assertTrue(unknown.getMessage().startsWith("target '2024' matches no applied migration."), unknown.getMessage());
    }

    @Test
    void theDownScriptOfAMigrationWhoseFileIsGoneIsLookedForByItsRecordedName() throws IOException {
        rows.add(new HistoryRow("2025-09-08_geometry_bus", "geometry_bus", "x", null, null, null, "applied"));
        rows.add(new HistoryRow("20250910", "geometry_rls", "x", null, null, null, "applied"));
        rows.add(new HistoryRow("20250911", null, "x", null, null, null, null)); // an early CLI row: no name
        down("20250911_cli_made.sql"); // found by its version
        PmovesException e = assertThrows(PmovesException.class, () -> plan(3, null, true));
        assertTrue(e.getMessage().contains("(20250911_cli_made.sql, 20250910_geometry_rls.sql,"
                + " 2025-09-08_geometry_bus.sql)"), e.getMessage());
        assertTrue(e.getMessage().contains("2 down scripts missing; looked for:\n    "
                + rollbacks.resolve("20250910_geometry_rls.sql") + "\n    "
                + rollbacks.resolve("2025-09-08_geometry_bus.sql") + "\n"), e.getMessage());
    }
}
