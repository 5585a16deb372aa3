package ai.pmoves.engine.hook;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.definition.DefinitionSources;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Hooks and notifyPostgrest against a real PostgreSQL. */
class HooksTest {
    @TempDir
    Path root;
    MigrationsFixture db;
    Path hooks;
    Path definitions;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "hooks_" + test.getTestMethod().orElseThrow().getName());
        hooks = Files.createDirectories(root.resolve("hooks"));
        definitions = Files.createDirectories(root.resolve("definitions"));
        db.execute("CREATE TABLE hook_log (n serial, what text)");
    }

    private HooksTest hook(String name, String sql) throws Exception {
        Files.writeString(hooks.resolve(name), sql);
        return this;
    }

    private static String logs(String what) {
        return "INSERT INTO hook_log (what) VALUES ('" + what + "');\n";
    }

    /** Logs {@code what} only while a run of this database holds the migration lock (an advisory lock). */
    private static String logsUnderLock(String what) {
        return "INSERT INTO hook_log (what) SELECT '" + what + "' FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1;\n";
    }

    private ApplyOptions options(boolean dryRun, boolean notifyPostgrest) {
        return db.options().withDryRun(dryRun ? db.dryRunFile() : null)
                .withDefinitions(new DefinitionSources(configured(definitions), root))
                .withHooks(Hooks.read(configured(hooks), root))
                        .withNotifyPostgrest(notifyPostgrest);
    }

    @Test
    void eachMomentRunsInItsPlaceInNaturalOrderEveryTimeAndIsNotRecorded() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").file("20250102_b.sql", "CREATE TABLE b (id int);\n");
        Files.writeString(definitions.resolve("v.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM a;\n");
        hook("beforeMigrate.sql", logs("before"))
                .hook("afterEachMigrate__10_second.sql", logs("each 10"))
                .hook("afterEachMigrate__2_first.sql", logs("each 2"))
                .hook("afterEachDefinition.sql", logs("definition"))
                .hook("afterMigrate__grants.sql", logs("after"));
        db.apply(options(false, false));
        assertEquals(List.of("before", "each 2", "each 10", "each 2", "each 10", "definition", "after"),
                db.column("SELECT what FROM hook_log ORDER BY n"));
        db.apply(options(false, false));
        assertEquals(List.of("before", "after"), db.column("SELECT what FROM hook_log WHERE n > 7 ORDER BY n"));
        assertTrue(db.log.stream().anyMatch(l -> l.startsWith("INFO [hook afterMigrate] hooks/afterMigrate__grants.sql … ")),
                db.log.toString());
    }

    @Test
    void aFailingAfterEachMigrateHookRollsBackItsMigrationNamesItsLineAndTheOnErrorHookRuns() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        hook("afterEachMigrate.sql", "-- checks\nSELECT 1 FROM nope;\n").hook("onError.sql", logs("error"));
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(options(false, false)));
        assertTrue(e.getMessage().contains("hooks/afterEachMigrate.sql:2:15: ERROR 42P01: relation \"nope\" does not exist"),
                e.getMessage());
        assertFalse(db.exists("a"));
        assertEquals(List.of(), db.versions());
        assertEquals(List.of("error"), db.column("SELECT what FROM hook_log"));
    }

    @Test
    void aHookWhoseDeferredConstraintFailsAtItsCommitIsNamedAndRolledBack() throws Exception {
        db.execute("CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE child (parent_id int REFERENCES parent"
                + " DEFERRABLE INITIALLY DEFERRED)");
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        hook("beforeMigrate.sql", logs("before") + "INSERT INTO child VALUES (7);\n");
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(options(false, false)));
        assertTrue(e.getMessage().startsWith("hooks/beforeMigrate.sql, when its transaction committed after its last"
                + " statement: ERROR 23503: "), e.getMessage());
        assertTrue(e.getMessage().contains("Hook hooks/beforeMigrate.sql was rolled back."), e.getMessage());
        assertEquals(List.of(), db.column("SELECT what FROM hook_log"));
        assertFalse(db.exists("a"), "no migration ran");
    }

    @Test
    void aHookTheJvmRunsOutOfMemoryOnIsRolledBackBeforeTheOnErrorHookCommitsItsOwn() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        hook("beforeMigrate.sql", logs("before") + "SELECT 'a line longer than the heap holds';\n")
                .hook("onError.sql", logs("error"));
        // The JVM runs out of memory at the hook's second statement, through the seam the Supabase stand-ins use
        PmovesException e = db.applyOutOfMemoryAt("longer than the heap", options(false, false));
        assertTrue(e.getMessage().startsWith("hooks/beforeMigrate.sql:2:1: the JVM ran out of memory (Java heap"
                + " space)"), e.getMessage());
        assertTrue(e.getMessage().contains("Hook hooks/beforeMigrate.sql was rolled back."), e.getMessage());
        // The onError hook runs in auto-commit on the same connection: had the failed hook's transaction been left
        // open, switching auto-commit on would have committed its first statement with it.
        assertEquals(List.of("error"), db.column("SELECT what FROM hook_log ORDER BY n"));
        assertFalse(db.exists("a"));
    }

    @Test
    void withNoMigrationAndNoDefinitionBeforeMigrateAndAfterMigrateRunAllTheSameUnderTheLock() throws Exception {
        // an empty migrations directory, as Flyway runs its callbacks on a migrate with nothing pending
        hook("beforeMigrate.sql", logsUnderLock("before")).hook("afterEachMigrate.sql", logs("each"))
                .hook("afterEachDefinition.sql", logs("definition")).hook("afterMigrate.sql", logsUnderLock("after"));
        db.apply(options(true, false));
        String sql = Files.readString(db.dryRunFile());
        int before = sql.indexOf("[hook beforeMigrate]");
        assertTrue(before >= 0 && before < sql.indexOf("[hook afterMigrate]"), sql);
        assertFalse(sql.contains("[hook afterEach"), sql);
        assertEquals(List.of(), db.column("SELECT what FROM hook_log"));
        db.apply(options(false, false));
        assertEquals(List.of("before", "after"), db.column("SELECT what FROM hook_log ORDER BY n"));
        assertTrue(db.log.contains("INFO No migration and no definition to run: the beforeMigrate and afterMigrate"
                + " hooks run all the same."), db.log.toString());
        assertTrue(db.log.stream().anyMatch(l -> l.startsWith("INFO [hook afterMigrate] hooks/afterMigrate.sql … ")),
                db.log.toString());
    }

    @Test
    void missingDefaultDirectoriesRunTheHooksToo() throws Exception {
        hook("afterMigrate.sql", logsUnderLock("after"));
        ApplyOptions options = ApplyOptions.of(byDefault(root.resolve("supabase/migrations")))
                .withHistoryTable(MigrationsFixture.HISTORY).withLockTimeout(Duration.ofSeconds(5))
                .withDefinitions(new DefinitionSources(byDefault(root.resolve("supabase/definitions")), root))
                .withHooks(Hooks.read(configured(hooks), root));
        db.apply(options);
        assertEquals(List.of("after"), db.column("SELECT what FROM hook_log"));
    }

    @Test
    void withNoSeedFileTheSeedGoalsAfterSeedHooksRunAllTheSameUnderTheLock() throws Exception {
        hook("afterSeed.sql", logsUnderLock("after seed"));
        SeedOptions options = SeedOptions.of(SeedSources.in(root).withSeedDirectories(byDefault(root.resolve("db"))))
                .withLockTimeout(Duration.ofSeconds(5));
        new Seeder(db.settings(), db.engineLog()).seed(options, Hooks.read(configured(hooks), root));
        assertEquals(List.of("after seed"), db.column("SELECT what FROM hook_log"));
        assertTrue(db.log.contains("INFO No seed files: nothing to seed; the afterSeed hooks run all the same."),
                db.log.toString());
    }

    @Test
    void withNothingToSeedAndNoAfterSeedHookTheSeedGoalConnectsToNothing() throws Exception {
        hook("afterMigrate.sql", logs("after")); // a hook of another goal
        ConnectionSettings nowhere = ConnectionSettings.resolve("jdbc:postgresql://127.0.0.1:1/none", "nobody", "x",
                Map.of(), 1);
        SeedOptions options = SeedOptions.of(SeedSources.in(root).withSeedDirectories(byDefault(root.resolve("db"))));
        new Seeder(nowhere, db.engineLog()).seed(options, Hooks.read(configured(hooks), root));
        assertTrue(db.log.contains("INFO No seed files: nothing to seed."), db.log.toString());
    }

    @Test
    void aHookFileNamedForNoMomentIsAnErrorNamingIt() throws Exception {
        hook("afterMigrat.sql", logs("typo"));
        PmovesException e = assertThrows(PmovesException.class, () -> Hooks.read(configured(hooks), root));
        assertTrue(e.getMessage().contains("afterMigrat.sql is named for no moment"), e.getMessage());
        assertTrue(e.getMessage().contains("beforeMigrate, afterEachMigrate, afterMigrate"), e.getMessage());
    }

    @Test
    void aDryRunShowsTheHooksAndRunsNone() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        hook("beforeMigrate.sql", logs("before")).hook("afterMigrate.sql", logs("after"));
        db.apply(options(true, false));
        String sql = Files.readString(db.dryRunFile());
        assertTrue(sql.indexOf("[hook beforeMigrate] hooks/beforeMigrate.sql") < sql.indexOf("CREATE TABLE a"), sql);
        assertTrue(sql.indexOf("[hook afterMigrate] hooks/afterMigrate.sql") > sql.indexOf("CREATE TABLE a"), sql);
        assertEquals(List.of(), db.column("SELECT what FROM hook_log"));
    }

    @Test
    void aDryRunShowsTheAfterEachHooksInsideEachFilesTransactionSoThatItsSqlDoesWhatTheRunWould() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").file("20250102_b.sql", "CREATE TABLE b (id int);\n");
        Files.writeString(definitions.resolve("v.sql"), "CREATE OR REPLACE VIEW v AS SELECT id FROM a;\n");
        hook("beforeMigrate.sql", logs("before")).hook("afterEachMigrate.sql", logs("each"))
                .hook("afterEachDefinition.sql", logs("definition")).hook("afterMigrate.sql", logs("after"));
        db.apply(options(true, false));
        String sql = Files.readString(db.dryRunFile());
        String eachMigrate = "'applied');\n-- [hook afterEachMigrate] hooks/afterEachMigrate.sql (runs every time, not"
                + " recorded)\n" + logs("each") + "COMMIT;\n";
        assertEquals(2, sql.split(java.util.regex.Pattern.quote(eachMigrate), -1).length - 1, sql);
        assertTrue(sql.contains("execution_ms = excluded.execution_ms;\n-- [hook afterEachDefinition]"
                + " hooks/afterEachDefinition.sql (runs every time, not recorded)\n" + logs("definition")
                + "COMMIT;\n"), sql);
        assertEquals(List.of(), db.column("SELECT what FROM hook_log"));
        db.execute(sql); // the dry run's SQL, run as it is, does what the run would have done
        assertEquals(List.of("before", "each", "each", "definition", "after"),
                db.column("SELECT what FROM hook_log ORDER BY n"));
    }

    @Test
    void notifyPostgrestSendsReloadSchemaAfterARunThatChangedTheSchemaOnly() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        try (Connection listener = db.database.connect(); Statement st = listener.createStatement()) {
            st.execute("LISTEN pgrst");
            db.apply(options(false, true));
            st.execute("SELECT 1"); // notifications arrive with the next round trip
            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(5000);
            assertEquals(List.of("pgrst:reload schema"), Arrays.stream(received == null ? new PGNotification[0] : received)
                    .map(n -> n.getName() + ":" + n.getParameter()).toList());
            db.apply(options(false, true)); // nothing to apply: no notice
            st.execute("SELECT 1");
            PGNotification[] none = listener.unwrap(PGConnection.class).getNotifications(500);
            assertTrue(none == null || none.length == 0);
        }
    }
}
