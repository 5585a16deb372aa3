package ai.pmoves.engine.apply;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.definition.DefinitionSources;
import ai.pmoves.engine.plan.PlanJson;
import ai.pmoves.engine.plan.ReleasePlan;
import ai.pmoves.engine.plan.ReleasePlan.PlannedLock;
import ai.pmoves.engine.plan.ReleasePlan.PlannedStatement;
import ai.pmoves.engine.schema.SchemaFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** A release plan made with pmoves:plan's engine call, then followed, against a real PostgreSQL. */
class ReleasePlanRunTest {
    private static final String VERSION = "0.3.0";

    @TempDir
    Path root;
    MigrationsFixture db;

    @BeforeEach
    void twoMigrations(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "plan_" + test.getTestMethod().orElseThrow().getName())
                .file("20250101000000_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);\n")
                .file("20250102000000_lines.sql", "CREATE TABLE lines (order_id int REFERENCES orders);\n");
    }

    private Path planFile() {
        return root.resolve("target/pmoves/plan.json");
    }

    private ApplyOptions withDefinitions() throws Exception {
        return db.options().withDefinitions(new DefinitionSources(
                configured(Files.createDirectories(root.resolve("definitions"))), root));
    }

    private void plan(ApplyOptions options) {
        db.apply(options.withPlanMode(PlanMode.write(planFile(), VERSION, SchemaFilter.platformExcluded())));
    }

    private ApplyResult follow(ApplyOptions options, String pluginVersion) {
        return db.apply(options.withPlanMode(PlanMode.follow(planFile(), pluginVersion)));
    }

    private PmovesException refused(ApplyOptions options) {
        return assertThrows(PmovesException.class, () -> follow(options, VERSION));
    }

    private boolean historyExists() throws Exception {
        return !db.column("SELECT nspname FROM pg_namespace WHERE nspname = 'supabase_migrations'").isEmpty();
    }

    @Test
    void aPlanChangesNothingAndItsApplyRunsExactlyItsMigrations() throws Exception {
        plan(db.options());
        assertFalse(historyExists(), "making the plan created nothing, not even the history table");
        assertTrue(Files.readString(planFile().resolveSibling("plan.sql")).contains("CREATE TABLE lines"));

        ApplyResult result = follow(db.options(), VERSION);
        assertEquals(List.of("20250101000000_orders.sql", "20250102000000_lines.sql"), result.applied());
        assertEquals(List.of("20250101000000", "20250102000000"), db.versions());
    }

    @Test
    void aRunThatFollowsAPlanReadsEveryFileItselfWhateverTheChecksumCacheSays() throws Exception {
        Path cache = root.resolve("target/pmoves/checksums");
        db.settled().apply(db.optionsRemembering(cache).withTarget("20250101000000"));
        plan(db.optionsRemembering(cache));
        // planted: the cache says both files are other than they are; believed, the first would read as changed
        Files.writeString(cache, Files.readString(cache).replaceAll("(?m)^[0-9a-f]{64}", "0".repeat(64)));
        assertTrue(Files.readString(cache).contains("20250101000000_orders.sql"));

        follow(db.optionsRemembering(cache), VERSION);
        assertEquals(List.of("20250101000000", "20250102000000"), db.versions());
    }

    @Test
    void aPlannedFileThatIsGoneRefusesTheRunAndNamesIt() throws Exception {
        plan(db.options());
        Files.delete(db.directory.resolve("20250102000000_lines.sql"));

        PmovesException e = refused(db.options());
        assertTrue(e.getMessage().contains("20250102000000_lines.sql is missing: the plan runs it"), e.getMessage());
        assertFalse(historyExists(), "nothing ran");
    }

    @Test
    void aHistoryRowRemovedSinceThePlanRefusesTheRunAndIsNamed() throws Exception {
        db.apply(db.options().withTarget("20250101000000"));
        plan(db.options());
        db.execute("DELETE FROM supabase_migrations.schema_migrations WHERE version = '20250101000000'");

        PmovesException e = refused(db.options());
        assertTrue(e.getMessage().contains("history rows removed since the plan (a rollback or a repair), from"
                + " supabase_migrations.schema_migrations: 20250101000000 (applied)"), e.getMessage());
        assertFalse(db.exists("public.lines"), "the planned migration did not run");
    }

    @Test
    void aDefinitionAddedAfterThePlanWaitsForTheNextOne() throws Exception {
        plan(withDefinitions());
        Files.writeString(root.resolve("definitions/order_count.sql"),
                "CREATE VIEW order_count AS SELECT count(*) FROM orders;\n");

        follow(withDefinitions(), VERSION);
        assertEquals(List.of("20250101000000", "20250102000000"), db.versions());
        assertFalse(db.exists("public.order_count"), "the definition is not in the plan");
        assertTrue(db.log.contains("WARN Definition definitions/order_count.sql is not in the plan (new or changed"
                + " after it was made): it waits for the next plan."), db.log::toString);
    }

    @Test
    void aPlanMadeByAnotherMinorVersionIsRefusedAndAPatchReleaseFollowsIt() throws Exception {
        plan(db.options());
        PmovesException e = assertThrows(PmovesException.class, () -> follow(db.options(), "0.4.0"));
        assertTrue(e.getMessage().contains("the plan was made by pmoves-maven-plugin 0.3.0, and this is 0.4.0"),
                e.getMessage());
        assertFalse(historyExists(), "nothing ran");

        follow(db.options(), "0.3.1");
        assertEquals(List.of("20250101000000", "20250102000000"), db.versions());
    }

    @Test
    void eachPlannedStatementCarriesItsLocksTheTablesRowsAndWhetherItRewrites() throws Exception {
        db.apply(db.options().withTarget("20250101000000"));
        db.execute("INSERT INTO orders SELECT generate_series(1, 40)");
        db.file("20250103000000_orders_note.sql", """
                ALTER TABLE orders ADD COLUMN placed_at timestamptz DEFAULT clock_timestamp();
                CREATE INDEX orders_placed_at ON orders (placed_at);
                """);

        plan(db.options());

        ReleasePlan plan = PlanJson.read(planFile());
        List<PlannedStatement> note = plan.migrations().stream()
                .filter(m -> m.path().endsWith("20250103000000_orders_note.sql")).findFirst().orElseThrow().statements();
        assertEquals(List.of(new PlannedLock("public.orders", "AccessExclusiveLock")), note.get(0).locks());
        assertEquals(40, note.get(0).rows(), "a small table is counted");
        assertTrue(note.get(0).rewrite(), "a volatile default writes every row anew");
        assertEquals(List.of(new PlannedLock("public.orders", "ShareLock")), note.get(1).locks());
        assertFalse(note.get(1).rewrite());
        // and plan.sql shows the same above the statement, for the reviewer
        assertTrue(Files.readString(planFile().resolveSibling("plan.sql"))
                .contains("-- AccessExclusiveLock on public.orders (40 rows), rewrites"));
    }

    private void planJudging(ApplyOptions options, long largeTableRows) {
        db.apply(options.withPlanMode(PlanMode.write(planFile(), VERSION, SchemaFilter.platformExcluded())
                .withHazards(new PlanMode.Hazards(largeTableRows, java.util.Set.of(), junitReport()))));
    }

    private Path junitReport() {
        return root.resolve("target/pmoves-reports/TEST-pmoves.plan.xml");
    }

    /** orders applied with 40 rows, and a migration that indexes it without CONCURRENTLY and adds a column. */
    private void ordersWithRowsAndAnIndexMigration() throws Exception {
        db.apply(db.options().withTarget("20250101000000"));
        db.execute("INSERT INTO orders SELECT generate_series(1, 40)");
        db.file("20250103000000_orders_index.sql", """
                ALTER TABLE orders ADD COLUMN placed_at timestamptz;
                CREATE INDEX orders_placed_at ON orders (placed_at);
                """);
    }

    @Test
    void aHazardOnASmallTableIsAWarningAndThePlanIsWritten() throws Exception {
        ordersWithRowsAndAnIndexMigration();

        planJudging(db.options(), 100_000);

        assertTrue(Files.exists(planFile()));
        assertTrue(db.log.stream().anyMatch(l -> l.startsWith("WARN 20250103000000_orders_index.sql:2:")
                && l.contains("index-not-concurrent")), db.log::toString);
        // lock-timeout-unset: AccessExclusiveLock on a table with rows, and no lock timeout anywhere
        assertTrue(db.log.stream().anyMatch(l -> l.startsWith("WARN 20250103000000_orders_index.sql:1:")
                && l.contains("lock-timeout-unset")), db.log::toString);
        String junit = Files.readString(junitReport());
        assertTrue(junit.contains("testsuite name=\"pmoves.plan\"") && junit.contains("index-not-concurrent")
                && !junit.contains("<failure"), junit);
    }

    @Test
    void aHazardOnATableAboveLargeTableRowsStopsThePlanAndNamesTheStatement() throws Exception {
        ordersWithRowsAndAnIndexMigration();
        Files.createDirectories(planFile().getParent());
        Files.writeString(planFile(), "{}"); // an earlier plan, which must not be applied instead

        PmovesException e = assertThrows(PmovesException.class, () -> planJudging(db.options(), 10));

        assertTrue(e.getMessage().startsWith("The plan stops: 2 lock hazards on tables of more than 10 rows")
                && e.getMessage().contains("20250103000000_orders_index.sql:2:1: index-not-concurrent:")
                && e.getMessage().contains("(40 rows)") && e.getMessage().contains("-- pmoves:allow <rule>"),
                e.getMessage());
        assertFalse(Files.exists(planFile()), "no plan to apply");
        assertTrue(Files.readString(junitReport()).contains("<failure"));
    }

    @Test
    void aLockTimeoutTheFileSetsAndATableThePlanCreatesRaiseNoHazard() throws Exception {
        db.apply(db.options().withTarget("20250101000000"));
        db.execute("INSERT INTO orders SELECT generate_series(1, 40)");
        db.file("20250103000000_orders_note.sql", """
                SET lock_timeout = '5s';
                ALTER TABLE orders ADD COLUMN note text;
                """);
        // lines is created by the plan's own 20250102 migration: new, and no rule applies to it
        db.file("20250104000000_lines_index.sql", "CREATE INDEX lines_order ON lines (order_id);\n");

        planJudging(db.options(), 10);

        assertTrue(Files.exists(planFile()));
        assertTrue(db.log.stream().noneMatch(l -> l.startsWith("WARN")), db.log::toString);
    }
}
