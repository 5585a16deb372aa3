package ai.pmoves.reliability;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.BootstrapResult;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.repair.RepairOptions;
import ai.pmoves.engine.repair.Repairer;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.SupabaseCli;
import ai.pmoves.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Supabase CLI and the plugin agree on one database, both ways: what the plugin applied and seeded, the CLI lists
 * as applied and finds nothing to push; what the CLI pushed, a bootstrap does not run again; a migration that failed
 * part-way under the plugin is, for the CLI, not applied. Every name form the CLI accepts is in the project. Skipped
 * when the CLI is not installed ({@code npm i -E --prefix target/supabase-cli supabase@2.117.0}; CI's {@code .ci/run}
 * installs it).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SupabaseCliTest {
    private static final TableName HISTORY = TableName.parse("supabase_migrations.schema_migrations", "historyTable");
    private static final TableName SEEDS = TableName.parse("supabase_migrations.seed_files", "seedTable");
    /** Every name form the CLI accepts, each file leaving a row behind so the order can be read back. */
    private static final List<String> MIGRATIONS = List.of("00000000000001_schema", "0001_init", "0002_accounts",
            "0010_profiles", "20240101_day", "20240101000000_midnight", "20240102093000_later");

    private static SupabaseCli cli;

    @TempDir
    Path project;
    private TestPostgres.Database db;

    @BeforeAll
    static void findCli() {
        cli = SupabaseCli.find();
    }

    @BeforeEach
    void writeProject(org.junit.jupiter.api.TestInfo test) throws IOException {
        assumeTrue(cli != null, "the Supabase CLI is not installed: " + SupabaseCli.INSTALL);
        db = TestPostgres.newDatabase("cli_" + test.getTestMethod().orElseThrow().getName());
        Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("00000000000001_schema.sql"),
                "CREATE TABLE public.ran (n serial PRIMARY KEY, file text NOT NULL);\n"
                        + "INSERT INTO public.ran (file) VALUES ('00000000000001_schema');\n");
        for (String name : MIGRATIONS.subList(1, MIGRATIONS.size())) {
            Files.writeString(migrations.resolve(name + ".sql"), "INSERT INTO public.ran (file) VALUES ('" + name
                    + "');\n");
        }
        Files.writeString(project.resolve("supabase/seed.sql"), "CREATE TABLE public.seeded (id int PRIMARY KEY);\n"
                + "INSERT INTO public.seeded VALUES (1);\n");
    }

    @Test
    void whatThePluginAppliedAndSeededTheCliListsAsAppliedAndFindsNothingToPush() throws Exception {
        BootstrapResult result = bootstrap();
        assertEquals(MIGRATIONS.stream().map(m -> m + ".sql").toList(), result.migrations().applied());
        assertEquals(MIGRATIONS, db.column("SELECT file FROM public.ran ORDER BY n"), "the CLI's order");

        List<String> rows = SupabaseCli.listRows(cli.succeed(project, "migration", "list", "--db-url", url()));
        assertEquals(MIGRATIONS.stream().map(m -> version(m) + "|" + version(m)).toList(), rows);
        String push = cli.succeed(project, "db", "push", "--dry-run", "--include-seed", "--db-url", url());
        assertTrue(push.contains("Remote database is up to date."), push);
    }

    @Test
    void whatTheCliPushedAndSeededABootstrapDoesNotRunAgain() throws Exception {
        cli.succeed(project, "db", "push", "--include-seed", "--yes", "--db-url", url());
        assertEquals(MIGRATIONS, db.column("SELECT file FROM public.ran ORDER BY n"));

        BootstrapResult result = bootstrap();
        assertEquals(List.of(), result.migrations().applied());
        assertEquals(MIGRATIONS.size(), result.migrations().upToDate());
        assertEquals(List.of(), result.seeds().ran());
        assertEquals(List.of("supabase/seed.sql"), result.seeds().unchanged());
        assertEquals(MIGRATIONS.size(), db.column("SELECT file FROM public.ran").size(), "nothing ran twice");
    }

    /** Two seeds of a glob and seed.sql, as config.toml lists them: the CLI and the plugin seed the same files. */
    private void seedsListedInConfigToml() throws IOException {
        Path seeds = Files.createDirectories(project.resolve("supabase/seeds"));
        Files.writeString(seeds.resolve("10_later.sql"), "INSERT INTO public.ran (file) VALUES ('seeds/10_later');\n");
        Files.writeString(seeds.resolve("9_first.sql"), "INSERT INTO public.ran (file) VALUES ('seeds/9_first');\n");
        Files.writeString(project.resolve("supabase/config.toml"), "project_id = \"cli-seeds\"\n\n[db]\nport = 54322\n"
                + "\n[db.seed]\nenabled = true\nsql_paths = [\"./seeds/*.sql\", \"./seed.sql\"]\n");
    }

    @Test
    void whatThePluginSeededFromConfigTomlsSqlPathsTheCliFindsNothingToSeed() throws Exception {
        seedsListedInConfigToml();
        BootstrapResult result = bootstrap();
        assertEquals(List.of("supabase/seeds/10_later.sql", "supabase/seeds/9_first.sql", "supabase/seed.sql"),
                result.seeds().ran(), "a glob's files in the CLI's byte order");
        String push = cli.succeed(project, "db", "push", "--dry-run", "--include-seed", "--db-url", url());
        assertTrue(push.contains("Remote database is up to date."), push);
    }

    @Test
    void whatTheCliSeededFromConfigTomlsSqlPathsABootstrapDoesNotRunAgain() throws Exception {
        seedsListedInConfigToml();
        cli.succeed(project, "db", "push", "--include-seed", "--yes", "--db-url", url());
        List<String> cliSeeds = db.column("SELECT file FROM public.ran WHERE file LIKE 'seeds/%' ORDER BY n");

        BootstrapResult result = bootstrap();
        assertEquals(List.of(), result.seeds().ran());
        assertEquals(List.of("supabase/seeds/10_later.sql", "supabase/seeds/9_first.sql", "supabase/seed.sql"),
                result.seeds().unchanged());
        // the CLI's Go glob sorts by bytes, and the plugin runs a glob's files in that same order
        assertEquals(List.of("seeds/10_later", "seeds/9_first"), cliSeeds, "the CLI's order");
        assertEquals(cliSeeds.stream().map(f -> "supabase/" + f + ".sql").toList(),
                result.seeds().unchanged().subList(0, 2), "the plugin's order is the CLI's");
    }

    /** A file that runs outside a transaction, and one with transaction control of its own that psql runs as written. */
    @ParameterizedTest
    @ValueSource(strings = {"-- pmoves:no-transaction\nINSERT INTO public.ran (file) VALUES ('20240103000000_half');\n"
            + "SELECT 1/0;\n", "INSERT INTO public.ran (file) VALUES ('20240103000000_half');\nCOMMIT;\n"
            + "BEGIN;\nSELECT 1/0;\nCOMMIT;\n"})
    void aMigrationThatFailedPartWayIsNotAppliedForTheCliAndThePluginStillRefusesToGoOn(String half) throws Exception {
        Files.writeString(project.resolve("supabase/migrations/20240103000000_half.sql"), half);
        assertThrows(PmovesException.class, this::bootstrap);
        assertEquals(List.of("20240103000000_half"), db.column("SELECT file FROM public.ran WHERE file LIKE '%half'"),
                "its first statement took effect");

        List<String> rows = SupabaseCli.listRows(cli.succeed(project, "migration", "list", "--db-url", url()));
        assertTrue(rows.contains("20240103000000|"), "local only, not applied: " + rows);
        String push = cli.succeed(project, "db", "push", "--dry-run", "--db-url", url());
        assertTrue(push.contains("20240103000000_half.sql") && !push.contains("up to date"), push);
        PmovesException again = assertThrows(PmovesException.class, this::bootstrap);
        assertTrue(again.getMessage().contains("failed part-way in an earlier run"), again.getMessage());

        // Finished by hand and recorded as applied: now the CLI sees it too, and finds nothing to push
        new Repairer(settings(), new RecordingLog()).repair(RepairOptions.of(
                configured(project.resolve("supabase/migrations"))).withMarkApplied(List.of("20240103000000")));
        rows = SupabaseCli.listRows(cli.succeed(project, "migration", "list", "--db-url", url()));
        assertTrue(rows.contains("20240103000000|20240103000000"), rows.toString());
        bootstrap(); // seeds
        push = cli.succeed(project, "db", "push", "--dry-run", "--include-seed", "--db-url", url());
        assertTrue(push.contains("Remote database is up to date."), push);
    }

    private BootstrapResult bootstrap() {
        ApplyOptions apply = ApplyOptions.of(configured(project.resolve("supabase/migrations")))
                .withLockTimeout(Duration.ofSeconds(10));
        // the goals' defaults, nothing configured: db/, then the CLI's own seeds (supabase/config.toml, seed.sql)
        SeedSources sources = SeedSources.in(project)
                .withInitDirectory(byDefault(project.resolve("supabase/initdb")))
                .withSeedDirectories(byDefault(project.resolve("db")))
                .withSupabaseSeeds(project.resolve("supabase"));
        SeedOptions seeds = SeedOptions.of(sources).withLockTimeout(Duration.ofSeconds(10));
        return new Bootstrapper(settings(), new RecordingLog()).bootstrap(new BootstrapOptions(apply, seeds,
                SupabaseCompat.OFF));
    }

    private ConnectionSettings settings() {
        return ConnectionSettings.resolve(db.url(), db.user(), db.password(), Map.of(), 5);
    }

    private String url() {
        return SupabaseCli.dbUrl(db);
    }

    private static String version(String migration) {
        return migration.substring(0, migration.indexOf('_'));
    }
}
