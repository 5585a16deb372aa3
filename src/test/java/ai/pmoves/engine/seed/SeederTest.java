package ai.pmoves.engine.seed;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.migration.Checksum;
import ai.pmoves.engine.script.Progress;
import ai.pmoves.testing.OutOfMemoryAt;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The seeder against a real PostgreSQL: order, tracking, modes, atomicity, COPY streaming, the lock. */
class SeederTest {
    @TempDir
    Path project;
    SeedsFixture db;

    @BeforeEach
    void freshDatabase(TestInfo test) {
        db = new SeedsFixture(project, "seeder_" + test.getTestMethod().orElseThrow().getName());
    }

    /** A seed that appends its own name to public.runs, so the order and count of runs can be read back. */
    private static String logsRun(String name) {
        return "CREATE TABLE IF NOT EXISTS public.runs (n serial PRIMARY KEY, name text);\n"
                + "INSERT INTO public.runs (name) VALUES ('" + name + "');\n";
    }

    private List<String> runs() throws Exception {
        return db.database.column("SELECT name FROM public.runs ORDER BY n");
    }

    @Test
    void initScriptsRunBeforeSeedsEachInNaturalOrderAndEachIsRecorded() throws Exception {
        for (String name : List.of("10_c", "06_b", "06_a")) {
            db.file("supabase/initdb/" + name + ".sql", logsRun(name));
        }
        for (String name : List.of("v5_14_personas", "v5_9_base", "v5_12_seed")) {
            db.file("db/" + name + ".sql", logsRun(name));
        }
        SeedResult result = db.seed();

        List<String> order = List.of("06_a", "06_b", "10_c", "v5_9_base", "v5_12_seed", "v5_14_personas");
        assertEquals(order, runs());
        assertEquals(List.of("supabase/initdb/06_a.sql", "supabase/initdb/06_b.sql", "supabase/initdb/10_c.sql",
                "db/v5_9_base.sql", "db/v5_12_seed.sql", "db/v5_14_personas.sql"), result.ran());
        assertEquals("t", db.database.column("SELECT bool_and(applied_at IS NOT NULL AND execution_ms >= 0)"
                + " FROM supabase_migrations.seed_files").get(0));
        assertEquals(Checksum.ofRawText(logsRun("v5_12_seed")),
                db.database.column("SELECT hash FROM supabase_migrations.seed_files WHERE path = 'db/v5_12_seed.sql'").get(0));
        assertTrue(db.log.has("[4/6] db/v5_9_base.sql … ran, "), db.log.lines.toString());
        assertTrue(db.log.has("Seeded 6 files (0 unchanged) in "), db.log.lines.toString());
    }

    @Test
    void changedModeRunsOnlyNewAndChangedFiles() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a")).file("db/v5_2_b.sql", logsRun("b")).file("db/v5_3_c.sql", logsRun("c"));
        db.seed();
        SeedResult again = db.seed();
        assertEquals(List.of(), again.ran());
        assertEquals(3, again.unchanged().size());
        assertTrue(db.log.has("Nothing to seed: 3 unchanged."), db.log.lines.toString());

        db.file("db/v5_2_b.sql", logsRun("b2")).file("db/v5_4_d.sql", logsRun("d"));
        SeedResult third = db.seed();
        assertEquals(List.of("db/v5_2_b.sql", "db/v5_4_d.sql"), third.ran());
        assertEquals(List.of("db/v5_1_a.sql", "db/v5_3_c.sql"), third.unchanged());
        assertEquals(List.of("a", "b", "c", "b2", "d"), runs());
        assertTrue(db.log.has("[2/4] db/v5_2_b.sql … ran again (changed), "), db.log.lines.toString());
        assertEquals(Checksum.ofRawText(logsRun("b2")),
                db.database.column("SELECT hash FROM supabase_migrations.seed_files WHERE path = 'db/v5_2_b.sql'").get(0));
    }

    @Test
    void alwaysModeRunsEveryFileEveryTime() throws Exception {
        db.file("supabase/initdb/01_a.sql", logsRun("a")).file("db/v5_1_b.sql", logsRun("b"));
        db.seed();
        SeedResult again = db.seed(SeedMode.ALWAYS);
        assertEquals(List.of("supabase/initdb/01_a.sql", "db/v5_1_b.sql"), again.ran());
        assertEquals(List.of("a", "b", "a", "b"), runs());
        assertTrue(db.log.has("… ran again (seedMode=always)"), db.log.lines.toString());
    }

    @Test
    void onceModeNeverRunsAFileAgainButReportsTheChange() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a")).file("db/v5_2_b.sql", logsRun("b"));
        db.seed(SeedMode.ONCE);
        String recordedHash = db.database.column("SELECT hash FROM supabase_migrations.seed_files WHERE path = 'db/v5_2_b.sql'")
                .get(0);
        db.file("db/v5_2_b.sql", logsRun("b2")).file("db/v5_3_c.sql", logsRun("c"));
        SeedResult again = db.seed(SeedMode.ONCE);
        assertEquals(List.of("db/v5_3_c.sql"), again.ran());
        assertEquals(List.of("db/v5_2_b.sql"), again.changedNotRun());
        assertEquals(List.of("a", "b", "c"), runs());
        assertTrue(db.log.has("WARN [2/3] db/v5_2_b.sql … changed since it ran, not run again (seedMode=once)"),
                db.log.lines.toString());
        assertTrue(db.log.has("1 changed but not run again (seedMode=once)"), db.log.lines.toString());
        assertEquals(recordedHash,
                db.database.column("SELECT hash FROM supabase_migrations.seed_files WHERE path = 'db/v5_2_b.sql'").get(0),
                "the row keeps the hash of what ran");
    }

    @Test
    void failingSeedIsRolledBackWholeAndStopsTheRun() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a"))
                .file("db/v5_2_b.sql", "CREATE TABLE b (id int);\n-- then a typo\nINSERT INTO b SELECT id FROM nope;\n")
                .file("db/v5_3_c.sql", logsRun("c"));
        PmovesException e = assertThrows(PmovesException.class, db::seed);
        // PostgreSQL points at "nope": line 3, column 30 of the file
        assertTrue(e.getMessage().startsWith("db/v5_2_b.sql:3:30: ERROR 42P01: relation \"nope\" does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Seed db/v5_2_b.sql was rolled back"), e.getMessage());
        assertEquals(List.of("a"), runs(), "the file before it stays, nothing after it ran");
        assertFalse(db.database.exists("public.b"), "the failing seed's first statement was rolled back");
        assertEquals(List.of("db/v5_1_a.sql"), db.recorded(), "the failing seed is not recorded");

        db.file("db/v5_2_b.sql", "CREATE TABLE b (id int);\n");
        assertEquals(List.of("db/v5_2_b.sql", "db/v5_3_c.sql"), db.seed().ran(), "fixed, it runs with what follows");
    }

    @Test
    void aSeedTheJvmRunsOutOfMemoryOnIsRolledBackWholeAndNamedWithItsLine() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a"))
                .file("db/v5_2_b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n-- then\n"
                        + "SELECT 'a line longer than the heap holds';\n")
                .file("db/v5_3_c.sql", logsRun("c"));
        try (WorkSession session = WorkSession.open(db.settings())) {
            // Through the seam the Supabase stand-ins use, the JVM runs out of memory at the fourth line; every other
            // statement runs on the real server. The invoker IT seed-out-of-memory runs a real heap out.
            session.decorate(OutOfMemoryAt.statementWith("longer than the heap"));
            PmovesException e = OutOfMemoryAt.failureOf(() -> db.seeder().seed(session, db.options(SeedMode.CHANGED)));
            assertTrue(e.getMessage().startsWith("db/v5_2_b.sql:4: the JVM ran out of memory (Java heap space)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Give Maven a larger heap (MAVEN_OPTS=-Xmx2g"), e.getMessage());
            assertTrue(e.getMessage().contains("\nSeed db/v5_2_b.sql was rolled back: none of it is applied"),
                    e.getMessage());
            assertTrue(session.connection().getAutoCommit(), "rolled back, then back in auto-commit for what follows");
        }
        assertFalse(db.database.exists("public.b"), "the first statements were rolled back, not committed");
        assertEquals(List.of("a"), runs(), "the file before it stays, nothing after it ran");
        assertEquals(List.of("db/v5_1_a.sql"), db.recorded(), "the failing seed is not recorded");
    }

    @Test
    void copyDataWithNullsTabsBackslashesAndNoFinalNewline() throws Exception {
        db.file("supabase/initdb/01_schema.sql", "CREATE TABLE notes (id int, note text, path text);\n")
                .file("db/v5_1_notes.sql", "COPY notes (id, note, path) FROM stdin;\n"
                        + "1\t\\N\tC:\\\\seeds\\\\a.sql\n"
                        + "2\ttab\\there\tx\n"
                        + "\\.\n"
                        + "INSERT INTO notes VALUES (3, 'after the data', NULL);\n"
                        + "COPY notes (id, note, path) FROM stdin;\n"
                        + "4\tlast line, no newline\t\\N");
        db.seed();
        assertEquals(List.of("1|<null>|C:\\seeds\\a.sql", "2|tab\there|x", "3|after the data|<null>",
                        "4|last line, no newline|<null>"),
                db.database.column("SELECT id || '|' || coalesce(note, '<null>') || '|' || coalesce(path, '<null>')"
                        + " FROM notes ORDER BY id"));
    }

    @Test
    void copyFromACrlfFileWithABom() throws Exception {
        db.file("db/v5_1_notes.sql", "\uFEFFCREATE TABLE notes (id int, note text);\r\n"
                + "COPY notes FROM stdin;\r\n1\ta\r\n2\tb\r\n\\.\r\nINSERT INTO notes VALUES (3, 'c');\r\n");
        db.seed();
        assertEquals(List.of("1a", "2b", "3c"), db.database.column("SELECT id || note FROM notes ORDER BY id"));
    }

    @Test
    void badCopyRowIsReportedAtItsFileLine() throws Exception {
        db.file("db/v5_1_notes.sql", "CREATE TABLE notes (id int, note text);\n"
                + "-- three good rows, then a bad one\n"
                + "COPY notes FROM stdin;\n"
                + "1\ta\n2\tb\n3\tc\nfour\td\n5\te\n\\.\n");
        PmovesException e = assertThrows(PmovesException.class, db::seed);
        assertTrue(e.getMessage().startsWith("db/v5_1_notes.sql:7:1: ERROR 22P02: invalid input syntax for type"
                + " integer: \"four\""), e.getMessage());
        assertTrue(e.getMessage().contains("Where: COPY notes, line 4"), e.getMessage());
        assertFalse(db.database.exists("public.notes"));
    }

    @Test
    void statementAfterLargeCopyDataHasItsFileLine() throws Exception {
        int rows = 200_000;
        Path file = bigCopySeed(rows, "SELECT count(*) FROM big;\nINSERT INTO big VALUES (1, 'x', 'one column too many');\n");
        PmovesException e = assertThrows(PmovesException.class, db::seed);
        int line = rows + 5;
        assertTrue(e.getMessage().startsWith("db/v5_1_big.sql:" + line + ":"), e.getMessage());

        Files.writeString(file, Files.readString(file).replace(", 'one column too many'", ""));
        db.seed();
        assertEquals(List.of(Integer.toString(rows + 1)), db.database.column("SELECT count(*) FROM big"));
    }

    /** db/v5_1_big.sql: a table, a COPY of {@code rows} rows from line 2, then {@code after}. */
    private Path bigCopySeed(int rows, String after) throws Exception {
        Path file = project.resolve("db/v5_1_big.sql");
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("CREATE TABLE big (id int, name text);\nCOPY big FROM stdin;\n");
            for (int i = 0; i < rows; i++) {
                out.write(i + "\tname " + i + "\n");
            }
            out.write("\\.\n" + after);
        }
        return file;
    }

    @Test
    void aLongCopySaysItsRowsMegabytesAndRateWhileItRuns() throws Exception {
        int rows = 50_000;
        bigCopySeed(rows, "");
        // an interval this short makes every read of the data a progress line, so none depends on the clock
        db.seeder().seed(SeedOptions.of(db.sources()).withProgressEvery(Duration.ofNanos(1)));
        List<String> progress = db.log.lines.stream().filter(l -> l.contains("COPY still running")).toList();
        assertFalse(progress.isEmpty(), db.log.lines.toString());
        String last = progress.get(progress.size() - 1);
        assertTrue(last.matches("INFO db/v5_1_big\\.sql:2: COPY still running: [\\d,]+ rows, \\d+\\.\\d MB so far,"
                + " [\\d.]+ MB/s"), last);
        assertEquals(List.of(Integer.toString(rows)), db.database.column("SELECT count(*) FROM big"));
    }

    @Test
    void aLongStatementSaysHowLongItHasRun() throws Exception {
        db.file("db/v5_1_slow.sql", "SELECT 1;\nSELECT pg_sleep(0.5);\n");
        db.seeder().seed(SeedOptions.of(db.sources()).withProgressEvery(Duration.ofMillis(100)));
        assertTrue(db.log.lines.stream().anyMatch(l -> l.matches("INFO db/v5_1_slow\\.sql:2: still running, \\d+ s so"
                + " far")), db.log.lines.toString());
        assertFalse(db.log.has("db/v5_1_slow.sql:1: still running"), "a quick statement says nothing");
    }

    @Test
    void shortWorkAtTheUsualIntervalSaysNothingOfProgress() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a"));
        db.seed();
        assertFalse(db.log.has("still running"), db.log.lines.toString());
    }

    @Test
    void psqlTransactionWrappersAreSkippedAndNonTransactionalStatementsRefused() throws Exception {
        db.file("db/v5_1_a.sql", "BEGIN;\n" + logsRun("a") + "COMMIT;\n")
                .file("db/v5_2_b.sql", logsRun("b") + "\nVACUUM public.runs;\n");
        PmovesException e = assertThrows(PmovesException.class, db::seed);
        assertTrue(e.getMessage().startsWith("db/v5_2_b.sql:4:1: VACUUM cannot run in a transaction"), e.getMessage());
        assertTrue(e.getMessage().contains("move the statement into a migration"), e.getMessage());
        assertEquals(List.of("a"), runs(), "a's BEGIN/COMMIT did not split it, b rolled back");
        assertEquals(List.of("db/v5_1_a.sql"), db.recorded());
    }

    @Test
    void aFileThatChangedBetweenPlanAndRunIsRolledBack() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a"));
        SeedTable table = new SeedTable(SeedsFixture.SEED_TABLE);
        try (WorkSession session = WorkSession.open(db.settings())) {
            table.ensure(session.connection());
            SeedRunner runner = new SeedRunner(session, table, 17, EngineLog.SILENT, Progress.NONE);
            SeedFile file = new SeedFile(project.resolve("db/v5_1_a.sql"), "db/v5_1_a.sql");
            PmovesException e = assertThrows(PmovesException.class,
                    () -> runner.run(file, Checksum.ofRawText("the text when the run was planned")));
            assertTrue(e.getMessage().startsWith("db/v5_1_a.sql changed while it ran: it was not recorded."),
                    e.getMessage());
            assertEquals(List.of(), db.recorded());
            assertFalse(db.database.exists("public.runs"));
            runner.run(file, Checksum.ofFile(file.file()));
        }
        assertEquals(List.of("db/v5_1_a.sql"), db.recorded());
    }

    @Test
    void syntaxErrorNamesFileLineAndColumnAndChangesNothing() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a") + "SELECT 'unterminated;\n");
        PmovesException e = assertThrows(PmovesException.class, db::seed);
        assertTrue(e.getMessage().startsWith("db/v5_1_a.sql:3:8: unterminated string literal"), e.getMessage());
        assertFalse(db.database.exists("public.runs"));
    }

    @Test
    void fileThatIsNotUtf8IsRefused() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a"));
        Files.write(project.resolve("db/v5_1_a.sql"), "INSERT INTO runs (name) VALUES ('caf\u00e9');\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        PmovesException e = assertThrows(PmovesException.class, db::seed);
        assertTrue(e.getMessage().startsWith("db/v5_1_a.sql is not valid UTF-8"), e.getMessage());
    }

    @Test
    void sessionSettingsOfOneFileDoNotLeakIntoTheNext() throws Exception {
        // pg_dump's data-only output empties search_path for the session
        db.file("db/v5_1_a.sql", logsRun("a") + "SELECT pg_catalog.set_config('search_path', '', false);\n")
                .file("db/v5_2_b.sql", "INSERT INTO runs (name) VALUES ('b');\n");
        db.seed();
        assertEquals(List.of("a", "b"), runs());
    }

    @Test
    void includesAndExcludesChooseSeedsOnlyAndEveryInitScriptRuns() throws Exception {
        db.file("supabase/initdb/01_schema.sql", logsRun("schema")).file("supabase/initdb/02_seed.sql", logsRun("02"))
                .file("db/v5_12_seed.sql", logsRun("v5_12")).file("db/v5_12_extra.sql", logsRun("v5_12_extra"))
                .file("db/v5_13_grants.sql", logsRun("v5_13")).file("db/notes.txt", "not SQL");
        SeedResult result = db.seeder().seed(db.options(db.sources(List.of("v5_12_*"), List.of("*_extra.sql",
                "02_seed.sql")), SeedMode.CHANGED));
        assertEquals(List.of("supabase/initdb/01_schema.sql", "supabase/initdb/02_seed.sql", "db/v5_12_seed.sql"),
                result.ran());
        assertFalse(db.log.lines.stream().anyMatch(l -> l.startsWith("WARN")), db.log.lines.toString());

        SeedResult typo = db.seeder().seed(db.options(db.sources(List.of("v5_21_*.sql"), List.of()), SeedMode.CHANGED));
        assertEquals(List.of(), typo.ran());
        assertEquals(1, db.log.lines.stream().filter(l -> l.startsWith("WARN seedIncludes pattern 'v5_21_*.sql' matches"
                + " no seed file")).count(), db.log.lines.toString());
    }

    /** The Supabase layout: seedDirectories=supabase, seedIncludes=seed.sql, init scripts in supabase/initdb. */
    @Test
    void theSupabaseSeedLayoutRunsEveryInitScriptAndWarnsAboutNothing() throws Exception {
        db.file("supabase/initdb/01_roles.sql", logsRun("roles")).file("supabase/seed.sql", logsRun("seed"))
                .file("supabase/config.sql", logsRun("not a seed"));
        SeedSources layout = SeedSources.in(db.project)
                .withInitDirectory(configured(db.project.resolve("supabase/initdb")))
                .withSeedDirectories(configured(db.project.resolve("supabase")))
                .withIncludes(List.of("seed.sql"));
        try (WorkSession session = WorkSession.open(db.settings())) {
            assertEquals(List.of("supabase/initdb/01_roles.sql"), db.seeder().seed(session,
                    db.options(layout.initScriptsOnly(), SeedMode.CHANGED)).ran());
            assertEquals(List.of("supabase/seed.sql"), db.seeder().seed(session,
                    db.options(layout.seedsOnly(), SeedMode.CHANGED)).ran());
        }
        assertEquals(List.of("roles", "seed"), runs());
        assertFalse(db.log.lines.stream().anyMatch(l -> l.startsWith("WARN")), db.log.lines.toString());
    }

    @Test
    void missingDefaultDirectoriesAreSkippedAndMissingConfiguredOnesAreErrors() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a"));
        assertEquals(List.of("db/v5_1_a.sql"), db.seed().ran());
        assertTrue(db.log.has("DEBUG No " + project.resolve("supabase/initdb") + " (default initDirectory): skipped."),
                db.log.lines.toString());

        SeedSources configured = SeedSources.in(project)
                .withInitDirectory(configured(project.resolve("seeds/init")))
                .withSeedDirectories(configured(project.resolve("db")));
        PmovesException e = assertThrows(PmovesException.class,
                () -> db.seeder().seed(db.options(configured, SeedMode.CHANGED)));
        assertEquals("The configured initDirectory '" + project.resolve("seeds/init") + "' does not exist or is not a"
                + " directory: create it, or fix the path in <initDirectory> / -Dpmoves.initDirectory.", e.getMessage());
    }

    @Test
    void aTableTheCliMadeIsExtendedAndItsRowsCount() throws Exception {
        String sql = logsRun("a");
        db.file("supabase/seed.sql", sql);
        db.database.execute("CREATE SCHEMA supabase_migrations;"
                + " CREATE TABLE supabase_migrations.seed_files (path text NOT NULL PRIMARY KEY, hash text NOT NULL);"
                + " INSERT INTO supabase_migrations.seed_files VALUES ('supabase/seed.sql', '" + Checksum.ofRawText(sql)
                + "')");
        SeedSources cliSeed = SeedSources.in(project)
                .withSeedDirectories(configured(project.resolve("supabase")))
                .withIncludes(List.of("seed.sql"));
        SeedResult result = db.seeder().seed(db.options(cliSeed, SeedMode.CHANGED));
        assertEquals(List.of("supabase/seed.sql"), result.unchanged(), "the CLI's row with the same hash counts as ran");
        assertFalse(db.database.exists("public.runs"));
        assertEquals(List.of("applied_at", "execution_ms", "hash", "path"), db.database.column("SELECT column_name FROM"
                + " information_schema.columns WHERE table_name = 'seed_files' ORDER BY column_name"));
    }

    @Test
    void takesTheMigrationLockAndRunsOnAConnectionWhoseCallerHoldsIt() throws Exception {
        db.file("db/v5_1_a.sql", logsRun("a"));
        SeedOptions options = SeedOptions.of(db.sources()).withLockTimeout(Duration.ofSeconds(1));
        try (AdvisoryLock held = AdvisoryLock.acquire(db.settings(), SeedsFixture.HISTORY.toString(), Duration.ofSeconds(5));
             WorkSession session = WorkSession.open(db.settings())) {
            PmovesException e = assertThrows(PmovesException.class, () -> db.seeder().seed(options));
            assertTrue(e.getMessage().startsWith("Another run holds the migration lock of"
                    + " supabase_migrations.schema_migrations"), e.getMessage());
            assertFalse(db.database.exists("public.runs"));

            // bootstrap's way: the lock is already held, the seeds run on its connection
            assertEquals(List.of("db/v5_1_a.sql"), db.seeder().seed(session, options).ran());
            assertTrue(session.connection().getAutoCommit(), "the connection is left in auto-commit");
        }
        assertEquals(List.of("a"), runs());
    }

    @Test
    void initScriptsOnlyAndSeedsOnlySplitTheRunForBootstrap() throws Exception {
        db.file("supabase/initdb/01_a.sql", logsRun("init")).file("db/v5_1_b.sql", logsRun("seed"));
        try (WorkSession session = WorkSession.open(db.settings())) {
            assertEquals(List.of("supabase/initdb/01_a.sql"),
                    db.seeder().seed(session, db.options(db.sources().initScriptsOnly(), SeedMode.CHANGED)).ran());
            assertEquals(List.of("db/v5_1_b.sql"),
                    db.seeder().seed(session, db.options(db.sources().seedsOnly(), SeedMode.CHANGED)).ran());
        }
        assertEquals(List.of("init", "seed"), runs());
    }

    @Test
    void noSeedFilesMeansNoConnection() {
        SeedOptions nowhere = SeedOptions.of(db.sources()).withLockTimeout(Duration.ofSeconds(1));
        SeedResult result = new Seeder(ai.pmoves.engine.db.ConnectionSettings.resolve(
                "jdbc:postgresql://10.255.255.1:1/never", "u", "p", java.util.Map.of(), 1), db.log).seed(nowhere);
        assertEquals(List.of(), result.ran());
        assertTrue(db.log.has("No seed files: nothing to seed."), db.log.lines.toString());
    }

    @Test
    void withoutInitScriptsTheRunBeforeTheMigrationsDoesNotSayThereAreNoSeeds() throws Exception {
        db.file("db/v5_1_b.sql", "SELECT 1;\n");
        try (WorkSession session = WorkSession.open(db.settings())) {
            db.seeder().seed(session, db.options(db.sources().initScriptsOnly(), SeedMode.CHANGED));
        }
        assertTrue(db.log.has("DEBUG No init scripts: nothing to run before the migrations."), db.log.lines.toString());
        assertTrue(!db.log.has("No seed files: nothing to seed."), db.log.lines.toString());
    }
}
