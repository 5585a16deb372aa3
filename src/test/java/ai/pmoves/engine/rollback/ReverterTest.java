package ai.pmoves.engine.rollback;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.Transactions;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.migration.MigrationInfo;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.migration.MigrationStatus;
import ai.pmoves.engine.status.StatusReport;
import ai.pmoves.testing.OutOfMemoryAt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Rollback against a real PostgreSQL: order, atomicity, the plan check, non-transactional down scripts, lock, dry run. */
class ReverterTest {
    @TempDir
    Path root;
    RollbackFixture fx;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        fx = new RollbackFixture(root, "rollback_" + test.getTestMethod().orElseThrow().getName());
    }

    /** a, b and c; c alters b's table, so undoing b before c would fail. */
    private void threeMigrations() throws Exception {
        fx.migration("20250101_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n", "DROP TABLE a;\n")
                .migration("20250102_b.sql", "CREATE TABLE b (id int);\n", "DROP TABLE b;\n")
                .migration("20250103_c.sql", "ALTER TABLE b ADD COLUMN note text;\nCREATE TABLE c (id int);\n",
                        "DROP TABLE c;\nALTER TABLE b DROP COLUMN note;\n");
        fx.db.apply();
    }

    @Test
    void undoesTheNewestMigrationAndApplyBringsItBack() throws Exception {
        threeMigrations();
        RollbackResult result = fx.rollback();
        assertEquals(List.of("20250103_c.sql"), result.undone());
        assertFalse(fx.db.exists("c"));
        assertEquals(List.of("0"), fx.db.column("SELECT count(*) FROM information_schema.columns"
                + " WHERE table_name = 'b' AND column_name = 'note'"));
        assertEquals(List.of("20250101", "20250102"), fx.db.versions());
        assertEquals(List.of("1"), fx.db.column("SELECT id FROM a"), "the older migrations are untouched");
        assertTrue(fx.db.log.stream().anyMatch(l -> l.matches("INFO \\[1/1] rolled back 20250103_c.sql … \\d+ ms")),
                fx.db.log.toString());
        assertTrue(fx.db.log.get(fx.db.log.size() - 1).startsWith("INFO Rolled back 1 migration in "), fx.db.log.toString());

        StatusReport status = StatusReport.read(fx.db.settings(), configured(fx.db.directory),
                MigrationsFixture.HISTORY);
        assertEquals(List.of("applied", "applied", "pending"),
                status.status().migrations().stream().map(i -> i.state().label()).toList());

        assertEquals(List.of("20250103_c.sql"), fx.db.apply().applied());
        assertTrue(fx.db.exists("c"));
    }

    @Test
    void countUndoesTheNewestNNewestFirst() throws Exception {
        threeMigrations();
        assertEquals(List.of("20250103_c.sql", "20250102_b.sql"), fx.rollback(fx.count(2)).undone());
        assertEquals(List.of("20250101"), fx.db.versions());
        assertFalse(fx.db.exists("b"));
        assertTrue(fx.db.exists("a"));
    }

    @Test
    void everyNameTheSupabaseCliAcceptsFindsItsDownScriptAndUndoesInTheClisOrderNewestFirst() throws Exception {
        fx.migration("00000000000001_schema.sql", "CREATE TABLE s (id int);\n", "DROP TABLE s;\n")
                .migration("0001_a.sql", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n")
                .migration("0010_b.sql", "CREATE TABLE b (id int);\n", "DROP TABLE b;\n")
                .migration("20250101_c.sql", "CREATE TABLE c (id int);\n", "DROP TABLE c;\n")
                .migration("20250101000000_d.sql", "CREATE TABLE d (id int);\n", "DROP TABLE d;\n");
        fx.db.apply();
        assertEquals(List.of("20250101000000_d.sql", "20250101_c.sql", "0010_b.sql", "0001_a.sql"),
                fx.rollback(fx.count(4)).undone());
        assertEquals(List.of("00000000000001"), fx.db.versions());
        assertTrue(fx.db.exists("s") && !fx.db.exists("a"));
    }

    @Test
    void targetUndoesEverythingAppliedAfterItAndKeepsIt() throws Exception {
        fx.migration("20250101_a.sql", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n")
                .migration("2025-01-02_b.sql", "CREATE TABLE b (id int);\n", "DROP TABLE b;\n")
                .migration("20250103_c.sql", "CREATE TABLE c (id int);\n", "DROP TABLE c;\n")
                .migration("20250104000000_d.sql", "CREATE TABLE d (id int);\n", "DROP TABLE d;\n");
        fx.db.apply();
        assertEquals(List.of("20250104000000_d.sql", "20250103_c.sql"), fx.rollback(fx.target("2025-01-02_b")).undone());
        assertEquals(List.of("2025-01-02_b", "20250101"), fx.db.versions());
        assertTrue(fx.db.exists("b"));

        assertEquals(List.of("2025-01-02_b.sql"), fx.rollback(fx.target("20250101_a.sql")).undone(),
                "a target may be given by file name");
        assertTrue(fx.db.exists("a"));
        assertEquals(List.of(), fx.rollback(fx.target("20250101")).undone());
        assertTrue(fx.db.log.get(fx.db.log.size() - 1).contains("Nothing to roll back: 20250101 is the newest"),
                fx.db.log.toString());
    }

    @Test
    void aTargetThatIsNotAppliedIsRefusedAndNothingIsUndone() throws Exception {
        threeMigrations();
        fx.migration("20250104_d.sql", "CREATE TABLE d (id int);\n", "DROP TABLE d;\n");
        PmovesException pending = assertThrows(PmovesException.class, () -> fx.rollback(fx.target("20250104")));
        assertTrue(pending.getMessage().startsWith("target '20250104' is pending, not applied"), pending.getMessage());
        PmovesException unknown = assertThrows(PmovesException.class, () -> fx.rollback(fx.target("20240101")));
        assertTrue(unknown.getMessage().startsWith("target '20240101' matches no applied migration"),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains("Applied now, newest first: 20250103, 20250102, 20250101."),
                unknown.getMessage());
        assertEquals(List.of("20250101", "20250102", "20250103"), fx.db.versions());
    }

    @Test
    void missingDownScriptsAreListedByPathAndNothingIsUndone() throws Exception {
        threeMigrations();
        Files.delete(fx.rollbacks.resolve("20250103_c.sql"));
        Files.delete(fx.rollbacks.resolve("20250101_a.sql"));
        PmovesException e = assertThrows(PmovesException.class, () -> fx.rollback(fx.count(3)));
        assertTrue(e.getMessage().contains("2 down scripts missing; looked for:\n    "
                + fx.rollbacks.resolve("20250103_c.sql") + "\n    " + fx.rollbacks.resolve("20250101_a.sql")),
                e.getMessage());
        assertEquals(List.of("20250101", "20250102", "20250103"), fx.db.versions());
        assertTrue(fx.db.exists("c"), "the down script that exists did not run either");
    }

    @Test
    void aFailingDownScriptLeavesItsMigrationAppliedAndSaysWhatWasUndone() throws Exception {
        threeMigrations();
        fx.down("20250102_b.sql", "DROP TABLE b;\n-- a typo\nSELECT * FROM nope;\n");
        PmovesException e = assertThrows(PmovesException.class, () -> fx.rollback(fx.count(3)));
        assertTrue(e.getMessage().startsWith("rollbacks/20250102_b.sql:3:15: ERROR 42P01: relation \"nope\" does not"
                + " exist"), e.getMessage());
        assertTrue(e.getMessage().contains("The undo of 20250102_b.sql was rolled back: it is still applied"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Undone before it in this run: 20250103_c.sql. Not attempted, still"
                + " applied: 20250101_a.sql."), e.getMessage());
        assertFalse(fx.db.exists("c"), "the first undo committed");
        assertTrue(fx.db.exists("b"), "the failing down script's DROP TABLE was rolled back with it");
        assertTrue(fx.db.exists("a"));
        assertEquals(List.of("20250101", "20250102"), fx.db.versions());
    }

    @Test
    void aDownScriptTheJvmRunsOutOfMemoryOnIsRolledBackAndItsMigrationStaysApplied() throws Exception {
        fx.migration("20250101_a.sql", "CREATE TABLE a (id int);\n",
                "DROP TABLE a;\nSELECT 'a line longer than the heap holds';\n");
        fx.db.apply();
        HistoryTable history = new HistoryTable(MigrationsFixture.HISTORY);
        try (WorkSession session = WorkSession.open(fx.db.settings())) {
            MigrationInfo applied = MigrationStatus.of(MigrationScanner.scan(configured(fx.db.directory)),
                    history.readAll(session.connection()), m -> MigrationScript.checksumOf(m.file()))
                    .migrations().get(0);
            Path down = fx.rollbacks.resolve("20250101_a.sql");
            // The undo runner as the Reverter drives it, on a session decorated through the seam the Supabase
            // stand-ins use: the JVM runs out of memory at the down script's second statement; every other statement
            // runs on the real server.
            session.decorate(OutOfMemoryAt.statementWith("longer than the heap"));
            UndoRunner runner = new UndoRunner(session, history,
                    session.connection().getMetaData().getDatabaseMajorVersion());
            PmovesException e = OutOfMemoryAt.failureOf(() -> runner.undo(new RollbackPlan.Step(applied, down),
                    MigrationScript.read(down), "rollbacks/20250101_a.sql", "Nothing was undone before it."));
            assertTrue(e.getMessage().startsWith("rollbacks/20250101_a.sql:2:1: the JVM ran out of memory (Java heap"
                    + " space)"), e.getMessage());
            assertTrue(e.getMessage().contains("The undo of 20250101_a.sql was rolled back: it is still applied"),
                    e.getMessage());
            assertFalse(Transactions.inBlock(session.connection()), "rolled back on the session itself");
        }
        assertTrue(fx.db.exists("a"), "the down script's DROP TABLE was rolled back");
        assertEquals(List.of("20250101"), fx.db.versions());
    }

    @Test
    void aDownScriptRefusedByAReadOnlyDatabaseIsNotToBeFixedButTheDatabaseIs() throws Exception {
        threeMigrations();
        fx.db.execute("ALTER DATABASE " + fx.db.database.name() + " SET default_transaction_read_only = on");
        PmovesException e = assertThrows(PmovesException.class, fx::rollback);
        assertTrue(e.getMessage().startsWith("rollbacks/20250103_c.sql:1:1: ERROR 25006: cannot execute DROP TABLE in a"
                + " read-only transaction"), e.getMessage());
        assertTrue(e.getMessage().contains("its row still in supabase_migrations.schema_migrations. The database is"
                + " read-only: default_transaction_read_only is on for database"), e.getMessage());
        assertFalse(e.getMessage().contains("Fix the down script"), e.getMessage());
        assertEquals(List.of("20250101", "20250102", "20250103"), fx.db.versions());
    }

    @Test
    void psqlBeginCommitWrappingADownScriptDoNotBreakAtomicity() throws Exception {
        threeMigrations();
        fx.down("20250103_c.sql", "BEGIN;\nDROP TABLE c;\nSELECT 1/0;\nCOMMIT;\n");
        assertThrows(PmovesException.class, fx::rollback);
        assertTrue(fx.db.exists("c"), "a wrapper's COMMIT must not commit half an undo");
        assertEquals(List.of("20250101", "20250102", "20250103"), fx.db.versions());
    }

    @Test
    void aCommitInTheMiddleOfADownScriptCommitsAsPsqlWouldAndAFailureAfterItIsRecorded() throws Exception {
        threeMigrations();
        fx.down("20250103_c.sql", "BEGIN;\nDROP TABLE c;\nCOMMIT;\nSELECT 1/0;\n");
        PmovesException e = assertThrows(PmovesException.class, fx::rollback);
        assertTrue(e.getMessage().contains("transaction control of its own (COMMIT at line 3)"), e.getMessage());
        assertFalse(fx.db.exists("c"), "the down script runs as written: its COMMIT committed the DROP");
        assertEquals(List.of("20250103"), fx.db.column("SELECT version FROM"
                + " supabase_migrations.schema_migrations_failed"), "the failed undo is kept beside the CLI's table");
    }

    @Test
    void aDownScriptThatCannotRunInATransactionRunsStatementByStatement() throws Exception {
        fx.migration("20250101_a.sql", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n")
                .migration("20250102_idx.sql", "CREATE INDEX CONCURRENTLY a_id ON a (id);\n",
                        "DROP INDEX CONCURRENTLY IF EXISTS a_id;\n");
        fx.db.apply();
        fx.rollback();
        assertFalse(fx.db.exists("a_id"));
        assertEquals(List.of("20250101"), fx.db.versions());
    }

    @Test
    void aNonTransactionalDownScriptThatFailsMarksTheRowFailedAndLaterRunsRefuse() throws Exception {
        threeMigrations();
        fx.down("20250103_c.sql", "-- pmoves:no-transaction\nDROP TABLE c;\nSELECT 1/0;\n");
        PmovesException e = assertThrows(PmovesException.class, fx::rollback);
        assertTrue(e.getMessage().startsWith("rollbacks/20250103_c.sql:3:1: ERROR 22012: division by zero"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the 1 statement before this one took effect"), e.getMessage());
        assertTrue(e.getMessage().contains("(mvn pmoves:repair -Dpmoves.markReverted=20250103)"), e.getMessage());
        assertFalse(fx.db.exists("c"), "outside a transaction the first statement took effect");
        assertEquals(List.of("20250103|applied"), fx.db.column("SELECT version || '|' || state"
                + " FROM supabase_migrations.schema_migrations WHERE version = '20250103'"),
                "the migration did run to the end; what failed is its undo");
        assertEquals(List.of("20250103"), fx.db.column("SELECT version FROM"
                + " supabase_migrations.schema_migrations_failed"));
        PmovesException again = assertThrows(PmovesException.class, fx::rollback);
        assertTrue(again.getMessage().contains("recorded as failed"), again.getMessage());
        PmovesException apply = assertThrows(PmovesException.class, fx.db::apply);
        assertTrue(apply.getMessage().contains("recorded as failed"), apply.getMessage());
    }

    @Test
    void aNonTransactionalDownScriptFailureThatCannotBeRecordedSaysTheRowStillSaysApplied() throws Exception {
        threeMigrations();
        fx.down("20250103_c.sql", "-- pmoves:no-transaction\nCREATE TABLE undo_note (id int);\nSELECT 1/0;\n");
        ConnectionSettings reader = fx.db.historyReader();
        PmovesException e = assertThrows(PmovesException.class,
                () -> new Reverter(reader, fx.db.engineLog()).rollback(fx.options()));
        assertTrue(e.getMessage().contains("the 1 statement before this one took effect. It could not be recorded as"
                + " failed in supabase_migrations.schema_migrations_failed either (ERROR: permission denied for table"
                + " schema_migrations_failed): its row in supabase_migrations.schema_migrations still says applied."),
                e.getMessage());
        assertFalse(e.getMessage().contains("recorded as failed in supabase_migrations.schema_migrations_failed,"),
                e.getMessage());
        assertEquals(List.of("20250101", "20250102", "20250103"), fx.db.versions());
        assertEquals(List.of(), fx.db.column("SELECT version FROM supabase_migrations.schema_migrations_failed"));
    }

    @Test
    void aLexingErrorInALaterDownScriptStopsTheRunBeforeAnythingRuns() throws Exception {
        threeMigrations();
        fx.down("20250101_a.sql", "DROP TABLE a;\nSELECT 'unterminated;\n");
        PmovesException e = assertThrows(PmovesException.class, () -> fx.rollback(fx.count(3)));
        assertTrue(e.getMessage().startsWith("20250101_a.sql:2:8: "), e.getMessage());
        assertTrue(e.getMessage().contains(fx.rollbacks.resolve("20250101_a.sql").toString()), e.getMessage());
        assertEquals(List.of("20250101", "20250102", "20250103"), fx.db.versions());
    }

    @Test
    void dryRunChangesNothingAndWritesTheSqlNewestFirst() throws Exception {
        threeMigrations();
        fx.migration("20250104_idx.sql", "CREATE INDEX CONCURRENTLY a_id ON a (id);\n",
                "DROP INDEX CONCURRENTLY a_id;\n");
        fx.db.apply();
        RollbackOptions options = fx.count(2).withDryRun(fx.dryRunFile());
        assertEquals(List.of("20250104_idx.sql", "20250103_c.sql"), fx.rollback(options).undone());
        assertEquals(List.of("20250101", "20250102", "20250103", "20250104"), fx.db.versions());
        assertTrue(fx.db.exists("c") && fx.db.exists("a_id"));
        String sql = Files.readString(options.dryRunFile());
        assertTrue(sql.contains("this is what pmoves:rollback would run"), sql);
        int index = sql.indexOf("-- [1/2] undo 20250104_idx.sql (version 20250104) with rollbacks/20250104_idx.sql\n"
                + "-- outside a transaction: DROP INDEX CONCURRENTLY at line 1 cannot run in a transaction\n"
                + "DROP INDEX CONCURRENTLY a_id;\n"
                + "DELETE FROM supabase_migrations.schema_migrations WHERE version = '20250104';\n");
        int c = sql.indexOf("-- [2/2] undo 20250103_c.sql (version 20250103) with rollbacks/20250103_c.sql\nBEGIN;\n"
                + "DROP TABLE c;\nALTER TABLE b DROP COLUMN note;\n"
                + "DELETE FROM supabase_migrations.schema_migrations WHERE version = '20250103';\nCOMMIT;\n");
        assertTrue(index > 0 && c > index, sql);
        assertTrue(fx.db.log.get(fx.db.log.size() - 1).startsWith("INFO Would roll back 2 migrations; nothing was"
                + " executed"), fx.db.log.toString());
    }

    @Test
    void aDownScriptWithoutStatementsOnlyDeletesTheRowAndSaysSo() throws Exception {
        fx.migration("20250101_seed.sql", "SELECT 1;\n", "-- nothing to undo: the migration made no objects\n");
        fx.db.apply();
        assertEquals(List.of("20250101_seed.sql"), fx.rollback().undone());
        assertEquals(List.of(), fx.db.versions());
        assertTrue(fx.db.log.contains("WARN rollbacks/20250101_seed.sql has no statements: undoing 20250101_seed.sql"
                + " only deletes its history row."), fx.db.log.toString());
    }

    @Test
    void anEmptyHistoryIsNothingToRollBackAndCreatesNothing() throws Exception {
        fx.migration("20250101_a.sql", "CREATE TABLE a (id int);\n", null);
        assertEquals(List.of(), fx.rollback().undone());
        assertTrue(fx.db.log.get(fx.db.log.size() - 1).equals("INFO Nothing to roll back: no migration is recorded in"
                + " supabase_migrations.schema_migrations."), fx.db.log.toString());
        assertFalse(fx.db.exists("supabase_migrations.schema_migrations"), "rollback does not create the history table");
    }

    @Test
    void aChangedMigrationIsRefusedUnlessForced() throws Exception {
        threeMigrations();
        fx.db.file("20250103_c.sql", "ALTER TABLE b ADD COLUMN note text;\nCREATE TABLE c (id bigint);\n");
        PmovesException e = assertThrows(PmovesException.class, fx::rollback);
        assertTrue(e.getMessage().contains(fx.db.directory.resolve("20250103_c.sql") + ": changed since it ran."),
                e.getMessage());
        assertTrue(fx.db.exists("c"));
        fx.rollback(fx.options().withForce(true));
        assertFalse(fx.db.exists("c"));
        assertTrue(fx.db.log.stream().anyMatch(l -> l.startsWith("WARN " + fx.db.directory.resolve("20250103_c.sql")
                + ": changed since it ran; undoing it anyway (force=true).")), fx.db.log.toString());
    }

    @Test
    void aBaselineRowIsRefusedUnlessForced() throws Exception {
        fx.db.execute("CREATE TABLE a (id int)"); // built by a psql loop, then adopted
        fx.migration("20250101_a.sql", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
        fx.db.apply(fx.db.options().withBaseline("20250101"));
        PmovesException e = assertThrows(PmovesException.class, fx::rollback);
        assertTrue(e.getMessage().contains("20250101_a.sql: recorded as baseline (it never ran here)."), e.getMessage());
        assertTrue(fx.db.exists("a"));
        fx.rollback(fx.options().withForce(true));
        assertFalse(fx.db.exists("a"));
        assertEquals(List.of(), fx.db.versions());
    }

    @Test
    void rowsWrittenByTheSupabaseCliAreUndoneWithTheirDownScript() throws Exception {
        fx.db.execute("CREATE SCHEMA supabase_migrations; CREATE TABLE supabase_migrations.schema_migrations"
                + " (version text NOT NULL PRIMARY KEY, statements text[], name text);"
                + " INSERT INTO supabase_migrations.schema_migrations VALUES ('20250101', '{}', 'a');"
                + " CREATE TABLE a (id int);");
        fx.migration("20250101_a.sql", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
        assertEquals(List.of("20250101_a.sql"), fx.rollback().undone());
        assertFalse(fx.db.exists("a"));
        assertEquals(List.of(), fx.db.versions());
    }

    @Test
    void aMigrationWhoseFileIsGoneIsUndoneOnlyWhenForcedWithTheDownScriptOfItsRecordedName() throws Exception {
        threeMigrations();
        Files.delete(fx.db.directory.resolve("20250103_c.sql"));
        PmovesException e = assertThrows(PmovesException.class, fx::rollback);
        assertTrue(e.getMessage().contains("20250103 (c): recorded, but its migration file is gone."), e.getMessage());
        assertEquals(List.of("20250103_c.sql"), fx.rollback(fx.options().withForce(true)).undone());
        assertFalse(fx.db.exists("c"));
    }

    @Test
    @Timeout(60)
    void aHeldLockMakesTheRollbackWaitThenFail() throws Exception {
        threeMigrations();
        try (Connection holder = fx.db.database.connect();
             PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, AdvisoryLock.keyOf("supabase_migrations.schema_migrations"));
            ps.execute();
            RollbackOptions quick = fx.options().withLockTimeout(Duration.ofSeconds(1));
            PmovesException locked = assertThrows(PmovesException.class, () -> fx.rollback(quick));
            assertTrue(locked.getMessage().contains("lockTimeout"), locked.getMessage());
            assertTrue(fx.db.exists("c"));
        }
        fx.rollback();
        assertFalse(fx.db.exists("c"), "the lock died with its session");
    }

    @Test
    void aMissingConfiguredRollbackDirectoryIsAnErrorBeforeConnecting() throws Exception {
        RollbackOptions o = fx.options();
        Path nowhere = root.resolve("no-such-dir");
        PmovesException e = assertThrows(PmovesException.class, () -> new Reverter(
                ConnectionSettings.resolve("jdbc:postgresql://10.255.255.1:1/never", "x", null,
                        Map.of(), 1), fx.db.engineLog()).rollback(RollbackOptions.of(o.migrationsDirectory(),
                configured(nowhere))));
        assertTrue(e.getMessage().startsWith("The configured rollbackDirectory '" + nowhere + "' does not exist"),
                e.getMessage());
    }

    @Test
    void aMissingDefaultRollbackDirectorySaysSoWhenSomethingIsToBeUndone() throws Exception {
        threeMigrations();
        RollbackOptions o = fx.options();
        Path missingDefault = root.resolve("supabase/rollbacks");
        PmovesException e = assertThrows(PmovesException.class, () -> fx.rollback(
                RollbackOptions.of(o.migrationsDirectory(), byDefault(missingDefault))));
        assertTrue(e.getMessage().contains("looked for:\n    " + missingDefault.resolve("20250103_c.sql")), e.getMessage());
        assertTrue(e.getMessage().contains("The rollback directory " + missingDefault + " does not exist: create it, or"
                + " point rollbackDirectory"), e.getMessage());
    }
}
