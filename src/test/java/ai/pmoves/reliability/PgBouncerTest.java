package ai.pmoves.reliability;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.ApplyResult;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.BootstrapResult;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.migration.MigrationState;
import ai.pmoves.engine.repair.RepairOptions;
import ai.pmoves.engine.repair.Repairer;
import ai.pmoves.engine.rollback.Reverter;
import ai.pmoves.engine.rollback.RollbackOptions;
import ai.pmoves.engine.rollback.RollbackResult;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedResult;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.Seeder;
import ai.pmoves.engine.status.StatusReport;
import ai.pmoves.testing.PgBouncer;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply, status, seed, rollback, bootstrap and repair through Debian's pgbouncer in transaction pooling mode, made hostile: several
 * server connections handed out round robin, so a client's consecutive transactions land on different server
 * sessions. Checked through a direct connection: history rows, objects, no advisory lock left after a run or after a
 * killed run, no session setting left behind on the pooled server sessions. Statement pooling, where a migration's
 * transaction cannot work at all, fails with a message that says what to change. Skipped when pgbouncer is not
 * installed ({@code apt-get install pgbouncer}; CI's {@code .ci/run} installs it).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PgBouncerTest {
    private static final TableName SEED_TABLE = TableName.parse("supabase_migrations.seed_files", "seedTable");
    private static final String CIC = "20250121_accounts_id_email.sql";

    @TempDir
    static Path bouncerFiles;
    private static PgBouncer transactionPooler;

    @TempDir
    Path root;

    @BeforeAll
    static void startPooler() throws Exception {
        if (PgBouncer.binary() != null) {
            transactionPooler = PgBouncer.start(TestPostgres.server(), "transaction",
                    bouncerFiles.resolve("transaction"));
        }
    }

    @BeforeEach
    void needsPgBouncer() {
        // here rather than in startPooler, so that each test shows as skipped, with the reason
        assumeTrue(transactionPooler != null, "pgbouncer is not installed: " + PgBouncer.INSTALL
                + " (CI's .ci/run installs it)");
    }

    @AfterAll
    static void stopPooler() throws Exception {
        if (transactionPooler != null) {
            transactionPooler.close();
        }
    }

    @Test
    void applyStatusSeedAndRollbackWorkThroughTransactionPooling() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "bouncer_goals");
        Path rollbacks = root.resolve("rollback");
        writeCorpus(db, rollbacks);
        ConnectionSettings pooled = through(transactionPooler, db);

        ApplyResult applied = new Migrator(pooled, new RecordingLog()).apply(db.options());
        assertEquals(21, applied.applied().size());
        assertAllApplied(db, 21);
        assertEquals(List.of("t"), db.column("SELECT indisvalid FROM pg_index"
                + " WHERE indexrelid = 'app.accounts_id_email'::regclass"), "the CONCURRENTLY index is valid");
        assertNoAdvisoryLock(db, "after apply");

        StatusReport status = StatusReport.read(pooled, configured(db.directory), MigrationsFixture.HISTORY);
        assertEquals(21, status.status().inState(MigrationState.APPLIED).size(), "status through the pooler");

        SeedOptions seeds = seedOptions(root);
        SeedResult seeded = new Seeder(pooled, new RecordingLog()).seed(seeds);
        assertEquals(List.of("supabase/initdb/01_ref.sql", "db/01_colors.sql", "db/02_custom_setting.sql",
                "db/03_more_colors.sql", "db/04_sizes.sql", "db/05_sizes_more.sql", "db/06_last.sql"), seeded.ran());
        assertEquals(List.of("white|1", "red|2", "green|1", "blue|1"),
                db.column("SELECT name || '|' || n FROM ref.colors ORDER BY hex DESC"));
        assertEquals(List.of("7"), db.column("SELECT count(*) FROM supabase_migrations.seed_files"));
        assertNoSettingLeft(db);
        assertEquals(List.of(), new Seeder(pooled, new RecordingLog()).seed(seeds).ran(), "a second seed runs nothing");
        assertNoAdvisoryLock(db, "after seed");

        RollbackResult undone = new Reverter(pooled, new RecordingLog()).rollback(rollbackOptions(db, rollbacks, 6));
        assertEquals(6, undone.undone().size());
        assertAllApplied(db, 15);
        assertTrue(!db.exists("app.settings") && !db.exists("app.task_counts"), "the undone migrations' objects are gone");
        assertNoAdvisoryLock(db, "after rollback");

        assertEquals(6, new Migrator(pooled, new RecordingLog()).apply(db.options()).applied().size());
        assertAllApplied(db, 21);
        assertNoAdvisoryLock(db, "after the second apply");
    }

    @Test
    void bootstrapAndRepairWorkThroughTransactionPooling() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "bouncer_bootstrap");
        writeCorpus(db, null);
        ConnectionSettings pooled = through(transactionPooler, db);
        BootstrapResult result = new Bootstrapper(pooled, new RecordingLog()).bootstrap(new BootstrapOptions(
                db.options(), seedOptions(root), SupabaseCompat.AUTO));
        assertEquals(21, result.migrations().applied().size());
        assertEquals(7, result.initScripts().ran().size() + result.seeds().ran().size());
        assertAllApplied(db, 21);
        assertEquals(List.of("t"), db.column("SELECT to_regrole('authenticated') IS NOT NULL"), "Supabase roles");
        assertNoSettingLeft(db);
        assertNoAdvisoryLock(db, "after bootstrap");

        Repairer repairer = new Repairer(pooled, new RecordingLog());
        repairer.repair(repairOptions(db, List.of(), List.of("20250121")));
        assertEquals(List.of("20"), db.column("SELECT count(*) FROM supabase_migrations.schema_migrations"));
        repairer.repair(repairOptions(db, List.of("20250121"), List.of()));
        assertAllApplied(db, 21);
        assertNoAdvisoryLock(db, "after repair");
    }

    @Test
    void eachMigrationStartsInAFreshSessionsStateThroughThePooler() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "bouncer_fresh_session");
        db.file("20250101_dump.sql", "SELECT pg_catalog.set_config('search_path', '', false);\n"
                        + "CREATE TABLE public.a (id int);\n")
                .file("20250102_b.sql", "CREATE TABLE b (id int);\n")
                .file("20250103_extensions.sql", "CREATE SCHEMA extensions;\n"
                        + "CREATE FUNCTION extensions.hello() RETURNS text LANGUAGE sql AS $$ SELECT 'hi' $$;\n"
                        + "ALTER DATABASE " + db.database.name() + " SET search_path = \"$user\", public, extensions;\n");
        for (int i = 4; i <= 9; i++) { // more files than pooled server sessions, each started before the ALTER
            db.file("2025010" + i + "_greeting.sql", "CREATE TABLE greeting" + i + " AS SELECT hello() AS said;\n");
        }
        ConnectionSettings pooled = through(transactionPooler, db);
        assertEquals(9, new Migrator(pooled, new RecordingLog()).apply(db.options()).applied().size());
        assertAllApplied(db, 9);
        assertTrue(db.exists("public.b"), "the dump's empty search_path did not reach the next file");
        assertEquals(List.of("hi"), db.column("SELECT said FROM greeting9"), "the new database default is in effect");
        try (Connection c = DriverManager.getConnection(transactionPooler.url(db.database.name())
                + "?prepareThreshold=0", db.database.user(), db.database.password()); Statement st = c.createStatement()) {
            for (int i = 0; i < 16; i++) {
                try (ResultSet rs = st.executeQuery("SELECT current_setting('search_path')")) {
                    rs.next();
                    assertTrue(!rs.getString(1).isEmpty(), "no pooled server session keeps the dump's search_path");
                }
            }
        }
        assertNoAdvisoryLock(db, "after the run");
    }

    @Test
    void aSecondApplyThroughThePoolerWaitsAndThenFindsNothing() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "bouncer_concurrent");
        writeCorpus(db, null);
        db.file("20250122_slow.sql", "SELECT pg_sleep(1);\nCREATE TABLE app.slow (id int);\n");
        ConnectionSettings pooled = through(transactionPooler, db);
        ApplyOptions options = db.options().withLockTimeout(Duration.ofSeconds(60));
        List<ApplyResult> results = ConcurrencyTest.together(3, () -> new Migrator(pooled, new RecordingLog())
                .apply(options));
        List<Integer> done = new ArrayList<>(results.stream().map(r -> r.applied().size()).toList());
        done.sort((a, b) -> b - a);
        assertEquals(List.of(22, 0, 0), done, "one run applied everything, the others waited and found nothing");
        results.stream().filter(r -> r.applied().isEmpty()).forEach(r -> assertEquals(22, r.upToDate()));
        assertAllApplied(db, 22);
        assertNoAdvisoryLock(db, "after the concurrent applies");
    }

    @Test
    void aRunKilledBehindThePoolerLeavesNoLock() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "bouncer_kill");
        db.file("20250101000000_runs.sql", "CREATE TABLE runs (migration int);\nINSERT INTO runs VALUES (1);\n");
        int migrations = 12;
        for (int i = 2; i <= migrations; i++) {
            db.file(String.format("202501%02d_m.sql", i), "CREATE TABLE t" + i + " (id int);\n"
                    + "SELECT pg_sleep(0.1);\nINSERT INTO runs VALUES (" + i + ");\n");
        }
        String url = transactionPooler.url(db.database.name());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ApplyProcess.class.getName(), url, db.database.user(), db.database.password(), db.directory.toString())
                .redirectErrorStream(true).start();
        waitForMigration(process, 3);
        assertEquals(List.of("1"), db.column(ADVISORY_LOCKS), "the run holds the lock while it works");
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed JVM ends");
        awaitNoAdvisoryLock(db);

        ApplyResult rerun = new Migrator(through(transactionPooler, db), new RecordingLog())
                .apply(db.options().withLockTimeout(Duration.ofSeconds(10)));
        assertTrue(rerun.upToDate() >= 3, "the killed run applied at least 3 migrations: " + rerun.upToDate());
        assertEquals(migrations, rerun.upToDate() + rerun.applied().size());
        List<String> once = new ArrayList<>();
        for (int i = 1; i <= migrations; i++) {
            once.add(i + "x1");
        }
        assertEquals(once, db.column("SELECT migration || 'x' || count(*) FROM runs GROUP BY migration"
                + " ORDER BY migration"), "every migration ran exactly once");
        assertNoAdvisoryLock(db, "after the re-run");
    }

    @Test
    void sessionPoolingWorksToo() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "bouncer_session");
        assertEquals(21, applyThroughAPoolerOfItsOwn(db, "session", PgBouncer.POOL_SIZE).applied().size());
        assertAllApplied(db, 21);
        assertNoAdvisoryLock(db, "after the run");
    }

    @Test
    void aNewSessionForTheNextFileDoesNotWaitForItselfInASessionPoolOfTwo() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "bouncer_session_of_two");
        db.file("20250122_scratch.sql", "CREATE TEMP TABLE scratch (id int);\n")
                .file("20250123_scratch_again.sql", "CREATE TEMP TABLE scratch (id int);\n");
        assertEquals(23, applyThroughAPoolerOfItsOwn(db, "session", 2).applied().size());
        assertAllApplied(db, 23);
        assertNoAdvisoryLock(db, "after the run");
    }

    @Test
    void statementPoolingFailsSayingWhatToChange() throws Exception {
        assertRefused("bouncer_statement", "statement", PgBouncer.POOL_SIZE, "statement pooling", "pmoves.url", "5432");
    }

    @Test
    void aPoolOfOneServerSessionFailsSayingARunNeedsTwo() throws Exception {
        assertRefused("bouncer_pool_of_one", "transaction", 1, "query_wait_timeout", "at least 2");
    }

    /** An apply through a pooler set up so that it cannot work fails with a message holding {@code words}, changing nothing. */
    private void assertRefused(String name, String mode, int poolSize, String... words) throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, name);
        PmovesException e = assertThrows(PmovesException.class, () -> applyThroughAPoolerOfItsOwn(db, mode, poolSize));
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), e.getMessage());
        }
        assertTrue(!db.exists("supabase_migrations.schema_migrations") && !db.exists("app.accounts"),
                "nothing was applied");
        assertNoAdvisoryLock(db, "after the refused run");
    }

    /** Applies the corpus through a pgbouncer of its own in {@code mode}, stopped after the run. */
    private static ApplyResult applyThroughAPoolerOfItsOwn(MigrationsFixture db, String mode, int poolSize)
            throws Exception {
        writeCorpus(db, null);
        try (PgBouncer pooler = PgBouncer.start(TestPostgres.server(), mode, poolSize,
                bouncerFiles.resolve(mode + "-" + poolSize))) {
            return new Migrator(asIs(pooler, db), new RecordingLog()).apply(db.options());
        }
    }

    private static final String ADVISORY_LOCKS = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    /**
     * Settings through the pooler, whose pool for the database first grows to {@link PgBouncer#POOL_SIZE} server
     * sessions: with round robin, a client's consecutive transactions then land on different ones.
     */
    private static ConnectionSettings through(PgBouncer pooler, MigrationsFixture db) throws Exception {
        warmUp(pooler, db);
        return asIs(pooler, db);
    }

    private static void warmUp(PgBouncer pooler, MigrationsFixture db) throws Exception {
        List<Connection> pinned = new ArrayList<>();
        try {
            for (int i = 0; i < PgBouncer.POOL_SIZE; i++) {
                Connection c = DriverManager.getConnection(pooler.url(db.database.name()) + "?prepareThreshold=0",
                        db.database.user(), db.database.password());
                pinned.add(c);
                c.setAutoCommit(false);
                c.createStatement().execute("SELECT 1"); // holds a server session until the commit below
            }
        } finally {
            for (Connection c : pinned) {
                c.commit();
                c.close();
            }
        }
    }

    /** Settings through the pooler as it is. */
    private static ConnectionSettings asIs(PgBouncer pooler, MigrationsFixture db) {
        return ConnectionSettings.resolve(pooler.url(db.database.name()), db.database.user(), db.database.password(),
                Map.of(), 5);
    }

    /** The 20 migrations of the reliability corpus and a no-transaction CREATE INDEX CONCURRENTLY after them. */
    private static void writeCorpus(MigrationsFixture db, Path rollbacks) throws Exception {
        Corpus.write(db.directory, rollbacks);
        db.file(CIC, "CREATE INDEX CONCURRENTLY accounts_id_email ON app.accounts (id, email);\n");
        if (rollbacks != null) {
            Files.writeString(rollbacks.resolve(CIC), "DROP INDEX CONCURRENTLY app.accounts_id_email;\n");
        }
    }

    /** Seeds that change session settings (search_path, a role, a GUC) the way dumps do, and a table they fill. */
    private static SeedOptions seedOptions(Path root) throws Exception {
        Path init = Files.createDirectories(root.resolve("supabase/initdb"));
        Path seeds = Files.createDirectories(root.resolve("db"));
        Files.writeString(init.resolve("01_ref.sql"), "CREATE SCHEMA ref;\n"
                + "CREATE TABLE ref.colors (name text PRIMARY KEY, hex text NOT NULL, n int NOT NULL DEFAULT 1);\n"
                + "CREATE TABLE ref.sizes (code text PRIMARY KEY);\nSET search_path = ref;\n");
        Files.writeString(seeds.resolve("01_colors.sql"), "SET search_path = ref, public;\n"
                + "SET statement_timeout = '1h';\nINSERT INTO colors (name, hex) VALUES ('red', '#f00');\n");
        Files.writeString(seeds.resolve("02_custom_setting.sql"), "SELECT set_config('app.seeded', 'yes', false);\n"
                + "INSERT INTO ref.colors (name, hex) VALUES ('green', '#0f0');\n");
        Files.writeString(seeds.resolve("03_more_colors.sql"), "SET search_path = ref;\n"
                + "INSERT INTO colors (name, hex) VALUES ('blue', '#00f');\n"
                + "UPDATE colors SET n = n + 1 WHERE name = 'red';\n");
        Files.writeString(seeds.resolve("04_sizes.sql"), "INSERT INTO ref.sizes VALUES ('s'), ('m');\n");
        Files.writeString(seeds.resolve("05_sizes_more.sql"), "INSERT INTO ref.sizes VALUES ('l');\n");
        Files.writeString(seeds.resolve("06_last.sql"), "INSERT INTO ref.colors (name, hex) VALUES ('white', '#fff');\n");
        return SeedOptions.of(SeedSources.in(root).withInitDirectory(configured(init))
                .withSeedDirectories(configured(seeds))).withLockTimeout(Duration.ofSeconds(10));
    }

    private static RollbackOptions rollbackOptions(MigrationsFixture db, Path rollbacks, int count) {
        return RollbackOptions.of(configured(db.directory), configured(rollbacks))
                .withCount(count).withLockTimeout(Duration.ofSeconds(10));
    }

    private static RepairOptions repairOptions(MigrationsFixture db, List<String> markApplied,
                                               List<String> markReverted) {
        return RepairOptions.of(configured(db.directory)).withMarkApplied(markApplied)
                .withMarkReverted(markReverted).withLockTimeout(Duration.ofSeconds(10));
    }

    private static void assertAllApplied(MigrationsFixture db, int count) throws Exception {
        assertEquals(List.of(count + "|" + count), db.column("SELECT count(*) || '|' || count(DISTINCT version)"
                + " FROM supabase_migrations.schema_migrations WHERE state = 'applied'"), "history rows");
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM supabase_migrations.schema_migrations"
                + " WHERE state <> 'applied'"));
    }

    private static void assertNoAdvisoryLock(MigrationsFixture db, String when) throws Exception {
        assertEquals(List.of("0"), db.column(ADVISORY_LOCKS), "no advisory lock left " + when);
    }

    /** The lock of a killed run goes when pgbouncer drops the server connection its client left in a transaction. */
    private static void awaitNoAdvisoryLock(MigrationsFixture db) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (db.column(ADVISORY_LOCKS).equals(List.of("0"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the killed run's advisory lock is still held after 30 s: " + db.column(
                "SELECT pid || ' ' || state || ' ' || coalesce(query, '') FROM pg_stat_activity WHERE pid IN"
                        + " (SELECT pid FROM pg_locks WHERE locktype = 'advisory')"));
    }

    /**
     * What the seeds SET is not left on any pooled server session: asks each of them (round robin hands out every
     * one in turn) through the pooler.
     */
    private void assertNoSettingLeft(MigrationsFixture db) throws Exception {
        Set<String> seen = new HashSet<>();
        Set<Integer> pids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(transactionPooler.url(db.database.name()) + "?prepareThreshold=0",
                db.database.user(), db.database.password()); Statement st = c.createStatement()) {
            for (int i = 0; i < 16; i++) {
                try (ResultSet rs = st.executeQuery("SELECT pg_backend_pid(), current_setting('search_path') || '|'"
                        + " || current_setting('statement_timeout') || '|' || coalesce(current_setting('app.seeded',"
                        + " true), '') || '|' || current_user")) {
                    rs.next();
                    pids.add(rs.getInt(1));
                    seen.add(rs.getString(2));
                }
            }
        }
        assertTrue(pids.size() > 1, "the pooler hands out several server sessions: " + pids);
        assertEquals(Set.of("\"$user\", public|0||" + db.database.user()), seen,
                "session settings on the pooled server sessions " + pids);
    }

    /** Reads the child's log until migration {@code n} is applied; its output is then drained in the background. */
    private static void waitForMigration(Process process, int n) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            seen.add(line);
            if (line.startsWith("INFO [" + n + "/")) {
                CompletableFuture.runAsync(() -> out.lines().forEach(l -> { }));
                return;
            }
        }
        throw new AssertionError("the apply process ended before migration " + n + ": " + seen);
    }
}
