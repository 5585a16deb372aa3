package ai.pmoves.engine.repair;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.migration.Checksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Repairs against a real PostgreSQL: each action, the dry run, bad requests, and the lock. */
class RepairerTest {
    /** The CLI's rows with their state, and the failures kept beside them (which the CLI does not read) as failed. */
    private static final String ROWS = "SELECT version || ':' || coalesce(state, '-') FROM"
            + " supabase_migrations.schema_migrations UNION ALL SELECT version || ':failed' FROM"
            + " supabase_migrations.schema_migrations_failed ORDER BY 1";

    @TempDir
    Path root;
    MigrationsFixture db;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "repair_" + test.getTestMethod().orElseThrow().getName());
    }

    /** No repair yet: each test adds the one it makes. */
    private RepairOptions options() {
        return RepairOptions.of(configured(db.directory)).withLockTimeout(Duration.ofSeconds(2));
    }

    private List<RepairChange> repair(RepairOptions options) {
        return new Repairer(db.settings(), db.engineLog()).repair(options);
    }

    /** 20250101_a applied, 20250102_b failed part-way (its table exists), 20250103_c pending. */
    private void oneAppliedOneFailedOnePending() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n")
                .file("20250102_b.sql", "-- pmoves:no-transaction\nCREATE TABLE b (id int);\nSELECT 1/0;\n");
        assertThrows(PmovesException.class, db::apply);
        db.file("20250103_c.sql", "CREATE TABLE c (id int);\n");
        assertEquals(List.of("20250101:applied", "20250102:failed"), db.column(ROWS));
    }

    @Test
    void markAppliedRecordsAPendingMigrationWithoutRunningIt() throws Exception {
        oneAppliedOneFailedOnePending();
        List<RepairChange> changes = repair(options().withMarkApplied(List.of("20250103_c.sql")));
        assertEquals("markApplied 20250103 (20250103_c.sql): recorded as applied without running it (it was pending)",
                changes.get(0).line());
        assertEquals(List.of("20250101:applied", "20250102:failed", "20250103:applied"), db.column(ROWS));
        assertEquals(List.of("f"), db.column("SELECT to_regclass('c') IS NOT NULL"), "nothing was run");
        assertEquals(List.of(Checksum.ofRawText(Files.readString(db.directory.resolve("20250103_c.sql")))
                + "|{\"CREATE TABLE c (id int)\"}|<null>"), db.column("SELECT checksum || '|' || statements::text || '|'"
                + " || coalesce(execution_ms::text, '<null>') FROM supabase_migrations.schema_migrations"
                + " WHERE version = '20250103'"));
        assertTrue(db.log.contains("INFO Repaired 1 row of supabase_migrations.schema_migrations."), db.log.toString());
        try (Connection c = db.database.connect()) {
            HistoryRow row = new HistoryTable(MigrationsFixture.HISTORY).readAll(c).get(2);
            assertEquals("20250103", row.version());
            assertNull(row.executionMs(), "status shows no time for a migration that did not run here");
        }
    }

    @Test
    void markAppliedTurnsAFailedRowIntoAnAppliedOne() throws Exception {
        oneAppliedOneFailedOnePending();
        repair(options().withMarkApplied(List.of("20250102")));
        assertEquals(List.of("20250101:applied", "20250102:applied"), db.column(ROWS));
        assertEquals(List.of("20250103_c.sql"), db.apply().applied(), "apply goes on past the repaired migration");
    }

    @Test
    void clearFailedDeletesTheRowSoApplyRunsTheMigrationAgain() throws Exception {
        oneAppliedOneFailedOnePending();
        List<RepairChange> changes = repair(options().withClearAllFailed(true));
        assertEquals(List.of("clearFailed 20250102 (20250102_b.sql): failed row deleted; pmoves:apply runs the migration"
                + " again (undo what it did part-way first)"), changes.stream().map(RepairChange::line).toList());
        assertEquals(List.of("20250101:applied"), db.column(ROWS));
        db.file("20250102_b.sql", "-- pmoves:no-transaction\nCREATE TABLE IF NOT EXISTS b (id int);\n");
        assertEquals(List.of("20250102_b.sql", "20250103_c.sql"), db.apply().applied());
    }

    @Test
    void markRevertedDeletesAnAppliedRowAndRunsNothing() throws Exception {
        oneAppliedOneFailedOnePending();
        List<RepairChange> changes = repair(options().withMarkReverted(List.of("20250101")));
        assertEquals("markReverted 20250101 (20250101_a.sql): row deleted (applied), nothing was run; the migration is"
                + " pending again", changes.get(0).line());
        assertEquals(List.of("20250102:failed"), db.column(ROWS));
        assertEquals(List.of("t"), db.column("SELECT to_regclass('a') IS NOT NULL"), "no down script ran");
    }

    @Test
    void markRevertedForgetsARowWhoseFileIsGone() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").apply();
        Files.delete(db.directory.resolve("20250101_a.sql"));
        List<RepairChange> changes = repair(options().withMarkReverted(List.of("20250101")));
        assertTrue(changes.get(0).line().endsWith("row deleted (missing), nothing was run; its file is gone, so it is no"
                + " longer listed"), changes.get(0).line());
        assertEquals(List.of(), db.versions());
    }

    @Test
    void realignStoresTheChecksumOfEveryChangedFile() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").file("20250102_b.sql", "CREATE TABLE b (id int);\n").apply();
        db.file("20250101_a.sql", "-- a comment added later\nCREATE TABLE a (id int);\n");
        String before = db.column("SELECT checksum FROM supabase_migrations.schema_migrations WHERE version = '20250101'")
                .get(0);
        List<RepairChange> changes = repair(options().withRealign(true));
        String now = Checksum.ofRawText(Files.readString(db.directory.resolve("20250101_a.sql")));
        assertEquals(List.of("realign 20250101 (20250101_a.sql): checksum " + before.substring(0, 12) + "… → "
                + now.substring(0, 12) + "… (the file's current text; the recorded statements stay as they ran)"),
                changes.stream().map(RepairChange::line).toList());
        assertEquals(List.of(now), db.column("SELECT checksum FROM supabase_migrations.schema_migrations"
                + " WHERE version = '20250101'"));
        assertEquals(List.of(), db.apply().applied(), "apply no longer refuses the changed file");
    }

    @Test
    void dryRunPrintsTheChangesAndMakesNone() throws Exception {
        oneAppliedOneFailedOnePending();
        List<RepairChange> changes = repair(options().withMarkApplied(List.of("20250103"))
                .withMarkReverted(List.of("20250101")).withClearAllFailed(true).withDryRun(true));
        assertEquals(3, changes.size());
        assertEquals(List.of("20250101:applied", "20250102:failed"), db.column(ROWS));
        assertTrue(db.log.contains("INFO (dry run) " + changes.get(0).line()), db.log.toString());
        assertTrue(db.log.contains("INFO Dry run: would change 3 rows of supabase_migrations.schema_migrations; nothing"
                + " was changed."), db.log.toString());
    }

    @Test
    void markAppliedOnAnEmptyDatabaseCreatesTheHistoryTable() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        repair(options().withMarkApplied(List.of("20250101")));
        assertEquals(List.of("20250101:applied"), db.column(ROWS));
    }

    @Test
    void badRequestsChangeNothingAndSayWhy() throws Exception {
        oneAppliedOneFailedOnePending();
        PmovesException unknown = assertThrows(PmovesException.class,
                () -> repair(options().withMarkApplied(List.of("20250103", "2099"))));
        assertEquals("markApplied '2099' matches no migration file and no row of supabase_migrations.schema_migrations."
                + " Use a version as pmoves:status lists it, e.g. 20250103.", unknown.getMessage());
        PmovesException pending = assertThrows(PmovesException.class,
                () -> repair(options().withMarkReverted(List.of("20250103"))));
        assertTrue(pending.getMessage().contains("has no row in supabase_migrations.schema_migrations: it is pending"),
                pending.getMessage());
        PmovesException notFailed = assertThrows(PmovesException.class,
                () -> repair(options().withClearFailed(List.of("20250101"))));
        assertTrue(notFailed.getMessage().contains("is applied, not failed"), notFailed.getMessage());
        PmovesException both = assertThrows(PmovesException.class,
                () -> repair(options().withMarkApplied(List.of("20250102")).withClearFailed(List.of("20250102"))));
        assertEquals("Version 20250102 is given to both markApplied and clearFailed: ask for one repair of it per run.",
                both.getMessage());
        assertEquals(List.of("20250101:applied", "20250102:failed"), db.column(ROWS), "nothing changed");
    }

    @Test
    void askingForNothingListsWhatCouldBeRepaired() throws Exception {
        oneAppliedOneFailedOnePending();
        PmovesException e = assertThrows(PmovesException.class,
                () -> repair(options()));
        assertTrue(e.getMessage().startsWith("Nothing to repair was asked: give -Dpmoves.markApplied=<version>,"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("In supabase_migrations.schema_migrations: failed 20250102"
                + " (-Dpmoves.clearFailed=true to run them again, or -Dpmoves.markApplied=<version> if you finished them"
                + " by hand)."), e.getMessage());
    }

    @Test
    void waitsForTheMigrationLockLikeApply() throws Exception {
        oneAppliedOneFailedOnePending();
        try (AdvisoryLock held = AdvisoryLock.acquire(db.settings(), MigrationsFixture.HISTORY.toString(),
                Duration.ofSeconds(5))) {
            PmovesException e = assertThrows(PmovesException.class,
                    () -> repair(options().withClearAllFailed(true)));
            assertTrue(e.getMessage().startsWith("Another run holds the migration lock"), e.getMessage());
        }
        assertEquals(List.of("20250101:applied", "20250102:failed"), db.column(ROWS));
    }
}
