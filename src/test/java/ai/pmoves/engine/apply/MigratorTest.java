package ai.pmoves.engine.apply;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.ConnectionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The executor against a real PostgreSQL: atomicity, order, history, checks, lock, dry run. */
class MigratorTest {
    @TempDir
    Path root;
    MigrationsFixture db;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "migrator_" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void appliesInTimeOrderAndRecordsEachMigration() throws Exception {
        db.file("2025-12-10_chat_realtime.sql", "ALTER TABLE chat ADD COLUMN room text;\n")
                .file("20251105_chat.sql", "CREATE TABLE chat (id int);\n")
                .file("20250115000000_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n");
        ApplyResult result = db.apply();
        assertEquals(List.of("20250115000000_a.sql", "20251105_chat.sql", "2025-12-10_chat_realtime.sql"), result.applied());
        assertEquals(List.of("20250115000000", "20251105", "2025-12-10_chat_realtime"),
                db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY applied_at, version"));
        assertEquals(List.of("{\"CREATE TABLE a (id int)\",\"INSERT INTO a VALUES (1)\"}|a|applied|true|true"),
                db.column("SELECT statements::text || '|' || name || '|' || state || '|' || (checksum ~ '^[0-9a-f]{64}$')"
                        + " || '|' || (applied_by = current_user) FROM supabase_migrations.schema_migrations"
                        + " WHERE version = '20250115000000'"));
        assertTrue(db.log.contains("INFO [3/3] 2025-12-10_chat_realtime.sql … " + db.log.get(3).replaceAll(".* … ", "")));
    }

    @Test
    void secondRunDoesNothing() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        db.apply();
        ApplyResult again = db.apply();
        assertEquals(List.of(), again.applied());
        assertEquals(1, again.upToDate());
        assertTrue(db.log.get(db.log.size() - 1).contains("Nothing to apply"), db.log.toString());
    }

    @Test
    void aFolderWhoseEveryFileTheCliSkipsSaysNothingIsAppliedAsAWarning() throws Exception {
        // Lovable's names: the CLI and the plugin skip them all, and the run must not read as done
        db.file("20250614222447-6ead0547-179d-429b-a865-e501572753b6.sql", "CREATE TABLE quiz (id int);\n")
                .file("20250615174333-e414a282-5ef4-486c-832e-e6969e04f7b4.sql", "CREATE TABLE answer (id int);\n");
        assertEquals(List.of(), db.apply().applied());
        assertEquals(2, db.log.stream().filter(l -> l.startsWith("WARN Skipped ")).count(), db.log.toString());
        assertTrue(db.log.stream().anyMatch(l -> l.startsWith("WARN No migrations in ") && l.endsWith(": all 2 .sql files"
                + " there were skipped for their names (see above), so nothing is applied.")), db.log.toString());
    }

    @Test
    void failingMigrationIsRolledBackWholeAndNamesFileLineColumnAndSqlState() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n")
                .file("20250102_b.sql", "CREATE TABLE b (id int);\n-- then a typo\nINSERT INTO b SELECT id FROM nope;\n")
                .file("20250103_c.sql", "CREATE TABLE c (id int);\n");
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        // PostgreSQL points at "nope": line 3, column 30 of the file
        assertTrue(e.getMessage().startsWith("20250102_b.sql:3:30: ERROR 42P01: relation \"nope\" does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("| INSERT INTO b SELECT id FROM nope"), e.getMessage());
        assertTrue(db.exists("a"));
        assertFalse(db.exists("b"), "the failing migration's first statement was rolled back");
        assertFalse(db.exists("c"), "nothing after the failure ran");
        assertEquals(List.of("20250101"), db.versions());
    }

    @Test
    void aMigrationTheJvmRunsOutOfMemoryOnIsRolledBackWholeAndNamedWithItsLine() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n")
                .file("20250102_b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n"
                        + "SELECT 'a line longer than the heap holds';\n")
                .file("20250103_c.sql", "CREATE TABLE c (id int);\n");
        // The JVM runs out of memory at the third statement, through the seam the Supabase stand-ins use; every
        // other statement runs on the real server
        PmovesException e = db.applyOutOfMemoryAt("longer than the heap", db.options());
        assertTrue(e.getMessage().startsWith("20250102_b.sql:3:1: the JVM ran out of memory (Java heap space)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("MAVEN_OPTS=-Xmx2g"), e.getMessage());
        assertTrue(e.getMessage().contains("| SELECT 'a line longer than the heap holds'"), e.getMessage());
        assertTrue(e.getMessage().contains("Migration 20250102_b.sql was rolled back: none of it is applied"),
                e.getMessage());
        assertTrue(db.exists("a"));
        assertFalse(db.exists("b"), "the failing migration's first statements were rolled back");
        assertFalse(db.exists("c"), "nothing after the failure ran");
        assertEquals(List.of("20250101"), db.versions());
    }

    @Test
    void errorInsideAFunctionBodyReportsTheServerContext() throws Exception {
        db.file("20250101_a.sql", "DO $$\nBEGIN\n  RAISE EXCEPTION 'boom %', 42 USING HINT = 'fix it';\nEND\n$$;\n");
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().startsWith("20250101_a.sql:1:1: ERROR P0001: boom 42"), e.getMessage());
        assertTrue(e.getMessage().contains("Hint: fix it"), e.getMessage());
        assertTrue(e.getMessage().contains("Where: PL/pgSQL function inline_code_block line 3"), e.getMessage());
    }

    @Test
    void syntaxErrorInALaterFileStopsTheRunBeforeAnythingRuns() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n")
                .file("20250102_b.sql", "CREATE FUNCTION f() RETURNS int AS $fn$\nSELECT 1;\n");
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().startsWith("20250102_b.sql:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("$fn$"), e.getMessage());
        assertFalse(db.exists("a"));
    }

    @Test
    void psqlWrappersBeginCommitDoNotBreakAtomicity() throws Exception {
        db.file("20250101_a.sql", "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n")
                .file("20250102_b.sql", "BEGIN;\nCREATE TABLE b (id int);\nSELECT 1/0;\nCOMMIT;\n");
        assertThrows(PmovesException.class, db::apply);
        assertTrue(db.exists("a"));
        assertFalse(db.exists("b"), "COMMIT in the file must not commit half a migration");
        assertEquals(List.of("20250101"), db.versions());
    }

    @Test
    void createIndexConcurrentlyRunsOutsideATransaction() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a SELECT generate_series(1, 1000);\n")
                .file("20250102_idx.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_id ON a (id);\n");
        db.apply();
        assertEquals(List.of("t"), db.column("SELECT indisvalid FROM pg_index WHERE indexrelid = 'a_id'::regclass"));
        assertEquals(List.of("20250101", "20250102"), db.versions());
    }

    @Test
    void nonTransactionalFailureIsRecordedWhereTheSupabaseCliDoesNotReadItAndLaterRunsRefuse() throws Exception {
        db.file("20250101_a.sql", "-- pmoves:no-transaction\nCREATE TABLE a (id int);\nSELECT 1/0;\n");
        PmovesException first = assertThrows(PmovesException.class, db::apply);
        assertTrue(first.getMessage().contains("22012") && first.getMessage().contains("failed"), first.getMessage());
        assertTrue(db.exists("a"), "outside a transaction the first statement took effect");
        assertEquals(List.of(), db.column("SELECT version FROM supabase_migrations.schema_migrations"),
                "the Supabase CLI reads every row of its table as applied");
        assertEquals(List.of("20250101"), db.column("SELECT version FROM supabase_migrations.schema_migrations_failed"));
        PmovesException second = assertThrows(PmovesException.class, db::apply);
        assertTrue(second.getMessage().contains("recorded as failed in supabase_migrations.schema_migrations_failed"),
                second.getMessage());
    }

    @Test
    void aMigrationOutsideATransactionThatTheJvmStopsIsRecordedAsFailed() throws Exception {
        db.file("20250101_a.sql", "-- pmoves:no-transaction\nCREATE TABLE a (id int);\n"
                + "SELECT 'a line longer than the heap holds';\n");
        PmovesException e = db.applyOutOfMemoryAt("longer than the heap", db.options());
        assertTrue(e.getMessage().startsWith("20250101_a.sql:3:1: the JVM ran out of memory (Java heap space)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the 1 statement before this one took effect. It is recorded as failed"),
                e.getMessage());
        assertTrue(db.exists("a"), "outside a transaction the first statement took effect");
        assertEquals(List.of(), db.versions());
        assertEquals(List.of("20250101"),
                db.column("SELECT version FROM supabase_migrations.schema_migrations_failed"));
    }

    @Test
    void aNonTransactionalFailureThatCannotBeRecordedSaysSoRatherThanThatLaterRunsRefuse() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        db.apply();
        ConnectionSettings reader = db.historyReader();
        db.file("20250102_b.sql", "-- pmoves:no-transaction\nCREATE TABLE b (id int);\nSELECT 1/0;\n");
        PmovesException e = assertThrows(PmovesException.class,
                () -> new Migrator(reader, db.engineLog()).apply(db.options()));
        assertTrue(e.getMessage().contains("the 1 statement before this one took effect. It could not be recorded as"
                + " failed in supabase_migrations.schema_migrations_failed either (ERROR: permission denied for table"
                + " schema_migrations_failed), so nothing stops the next run from running it again"), e.getMessage());
        assertTrue(e.getMessage().endsWith("record it as applied: mvn pmoves:repair -Dpmoves.markApplied=20250102."),
                e.getMessage());
        assertFalse(e.getMessage().contains("It is recorded as failed"), e.getMessage());
        assertTrue(db.exists("b"));
        assertEquals(List.of(), db.column("SELECT version FROM supabase_migrations.schema_migrations_failed"));
    }

    @Test
    void changedAppliedFileFailsTheRunAndMissingFileIsReported() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").file("20250102_b.sql", "CREATE TABLE b (id int);\n");
        db.apply();
        db.file("20250101_a.sql", "CREATE TABLE a (id bigint);\n").file("20250103_c.sql", "CREATE TABLE c (id int);\n");
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().contains("20250101_a.sql") && e.getMessage().contains("changed"), e.getMessage());
        assertFalse(db.exists("c"));

        db.file("20250101_a.sql", "CREATE TABLE a (id int);\r\n"); // CRLF of the same text is no change
        Files.delete(db.directory.resolve("20250102_b.sql"));
        db.apply();
        assertTrue(db.exists("c"));
        assertTrue(db.log.stream().anyMatch(l -> l.startsWith("WARN Recorded migration 20250102")), db.log.toString());
    }

    @Test
    void aRunBelievesTheChecksumItRememberedOfAFileThatIsAsItWas() throws Exception {
        Path cache = root.resolve("target/pmoves/checksums");
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").settled();
        db.apply(db.optionsRemembering(cache));
        assertEquals(1, db.apply(db.optionsRemembering(cache)).upToDate());
        // what the cache says of a file whose size, time and inode are unchanged is what the run goes by
        Files.writeString(cache, Files.readString(cache).replaceFirst("(?m)^[0-9a-f]{64}", "0".repeat(64)));
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(db.optionsRemembering(cache)));
        assertTrue(e.getMessage().contains("20250101_a.sql") && e.getMessage().contains("changed"), e.getMessage());
        // a run without the cache reads the file
        assertEquals(1, db.apply().upToDate());
    }

    @Test
    void olderPendingFileFailsUnlessOutOfOrderIsAllowed() throws Exception {
        db.file("20250105_b.sql", "CREATE TABLE b (id int);\n");
        db.apply();
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        PmovesException e = assertThrows(PmovesException.class, db::apply);
        assertTrue(e.getMessage().contains("20250101_a.sql") && e.getMessage().contains("outOfOrder"), e.getMessage());
        db.apply(db.options().withOutOfOrder(true));
        assertTrue(db.exists("a"));
    }

    @Test
    void targetStopsAfterThatVersion() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").file("2025-01-02_b.sql", "CREATE TABLE b (id int);\n")
                .file("20250103_c.sql", "CREATE TABLE c (id int);\n");
        db.apply(db.options().withTarget("2025-01-02_b"));
        assertEquals(List.of("2025-01-02_b", "20250101"), db.versions());
        assertFalse(db.exists("c"));
        PmovesException e = assertThrows(PmovesException.class,
                () -> db.apply(db.options().withTarget("20990101")));
        assertTrue(e.getMessage().startsWith("target '20990101' matches no migration"), e.getMessage());
    }

    @Test
    void baselineRecordsWithoutRunningThenAppliesTheRest() throws Exception {
        db.execute("CREATE TABLE a (id int)"); // built earlier by a psql loop
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").file("20250102_b.sql", "CREATE TABLE b (id int);\n");
        db.apply(db.options().withBaseline("20250101"));
        assertEquals(List.of("20250101|baseline", "20250102|applied"),
                db.column("SELECT version || '|' || state FROM supabase_migrations.schema_migrations ORDER BY version"));
        assertTrue(db.exists("b"));
    }

    @Test
    void dryRunChangesNothingAndWritesTheSqlInOrder() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n")
                .file("20250102_idx.sql", "CREATE INDEX CONCURRENTLY a_id ON a (id);\n");
        ApplyResult result = db.apply(db.options().withDryRun(db.dryRunFile()));
        assertEquals(2, result.applied().size());
        assertFalse(db.exists("a"));
        assertFalse(db.exists("supabase_migrations.schema_migrations"));
        String sql = Files.readString(db.dryRunFile());
        int create = sql.indexOf("CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations");
        int begin = sql.indexOf("BEGIN;\nCREATE TABLE a (id int);\nINSERT INTO supabase_migrations.schema_migrations");
        int index = sql.indexOf("-- outside a transaction: CREATE INDEX CONCURRENTLY");
        assertTrue(create >= 0 && begin > create && index > begin, sql);
    }

    @Test
    void aMigrationLinkedFromOutsideTheProjectRunsAndEveryLineThatShowsItSaysWhereItIs(@TempDir Path elsewhere)
            throws Exception {
        Path outside = Files.writeString(elsewhere.resolve("b.sql"), "CREATE TABLE b (id int);\n");
        Path shared = Files.writeString(Files.createDirectories(root.resolve("shared")).resolve("a.sql"),
                "CREATE TABLE a (id int);\n");
        Files.createSymbolicLink(db.directory.resolve("20250101_a.sql"), shared); // inside the project: no word
        Files.createSymbolicLink(db.directory.resolve("20250102_b.sql"), outside);
        ApplyOptions inProject = ApplyOptions.of(configured(db.directory).inProject(root))
                .withHistoryTable(MigrationsFixture.HISTORY).withLockTimeout(Duration.ofSeconds(5));
        String origin = "a link to " + outside.toRealPath() + ", outside the project";

        db.apply(inProject.withDryRun(db.dryRunFile()));
        assertTrue(Files.readString(db.dryRunFile()).contains("-- [2/2] 20250102_b.sql (version 20250102; " + origin
                + ")\nBEGIN;\nCREATE TABLE b (id int);\n"), Files.readString(db.dryRunFile()));
        assertTrue(db.log.contains("INFO [2/2] 20250102_b.sql (" + origin + ") … would run"), db.log.toString());
        assertTrue(db.log.contains("INFO [1/2] 20250101_a.sql … would run"), db.log.toString());

        db.apply(inProject);
        assertTrue(db.log.stream().anyMatch(l -> l.matches("INFO \\[2/2] 20250102_b\\.sql \\(\\Q" + origin
                + "\\E\\) … \\d+ ms")), db.log.toString());
        assertEquals(List.of("20250101", "20250102"), db.versions());

        Path failing = Files.writeString(elsewhere.resolve("c.sql"), "SELECT * FROM nope;\n");
        Files.createSymbolicLink(db.directory.resolve("20250103_c.sql"), failing);
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(inProject));
        assertTrue(e.getMessage().contains("\nMigration 20250103_c.sql (a link to " + failing.toRealPath()
                + ", outside the project) was rolled back"), e.getMessage());
    }

    @Test
    void rowsWrittenByTheSupabaseCliCountAsApplied() throws Exception {
        db.execute("CREATE SCHEMA supabase_migrations; CREATE TABLE supabase_migrations.schema_migrations"
                + " (version text NOT NULL PRIMARY KEY, statements text[], name text);"
                + " INSERT INTO supabase_migrations.schema_migrations VALUES ('20250101', '{}', 'a');");
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").file("20250102_b.sql", "CREATE TABLE b (id int);\n");
        ApplyResult result = db.apply();
        assertEquals(List.of("20250102_b.sql"), result.applied());
        assertFalse(db.exists("a"), "the CLI's row says it ran; it is not run again");
        assertEquals(List.of("20250101|", "20250102|applied"), db.column("SELECT version || '|' || coalesce(state, '')"
                + " FROM supabase_migrations.schema_migrations ORDER BY version"));
    }

    @Test
    void historyTableOfAnotherShapeIsRefusedBeforeAnythingRuns() throws Exception {
        db.execute("CREATE TABLE public.schema_migrations (version bigint PRIMARY KEY, inserted_at timestamp(0))");
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        ApplyOptions realtime = db.options()
                .withHistoryTable(ai.pmoves.engine.history.TableName.parse("public.schema_migrations", "historyTable"));
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(realtime));
        assertTrue(e.getMessage().contains("'version' is bigint") && e.getMessage().contains("historyTable"),
                e.getMessage());
        assertFalse(db.exists("a"));
    }

    @Test
    void copyFromStdinInAMigrationLoadsItsData() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int, note text);\nCOPY a (id, note) FROM stdin;\n"
                + "1\tone; with a semicolon\n2\t\\N\n\\.\nINSERT INTO a VALUES (3, 'three');\n");
        db.apply();
        assertEquals(List.of("1|one; with a semicolon", "2|", "3|three"),
                db.column("SELECT id || '|' || coalesce(note, '') FROM a ORDER BY id"));
    }

    @Test
    @Timeout(60)
    void aHeldLockMakesTheRunWaitThenFailWithLockTimeout() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        try (Connection holder = db.database.connect();
             PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, AdvisoryLock.keyOf("supabase_migrations.schema_migrations"));
            ps.execute();
            PmovesException e = assertThrows(PmovesException.class,
                    () -> db.apply(db.options().withLockTimeout(Duration.ofSeconds(1))));
            assertTrue(e.getMessage().contains("lockTimeout"), e.getMessage());
            assertFalse(db.exists("a"));
        }
        db.apply();
        assertTrue(db.exists("a"), "the lock died with its session");
    }

    @Test
    @Timeout(120)
    void concurrentRunsApplyEachMigrationExactlyOnce() throws Exception {
        for (int i = 1; i <= 5; i++) {
            db.file("2025010" + i + "_m.sql", "CREATE TABLE t" + i + " (id int);\nSELECT pg_sleep(0.1);\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ApplyResult>> runs = List.of(db::apply, db::apply, db::apply, db::apply);
            int applied = 0;
            for (Future<ApplyResult> f : pool.invokeAll(runs)) {
                applied += f.get().applied().size();
            }
            assertEquals(5, applied, "each migration ran in exactly one of the runs");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("20250101", "20250102", "20250103", "20250104", "20250105"), db.versions());
    }
}
