package ai.pmoves.reliability;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.rollback.Reverter;
import ai.pmoves.engine.rollback.RollbackOptions;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.Seeder;
import ai.pmoves.engine.status.StatusReport;
import ai.pmoves.testing.CatalogSnapshot;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every goal as a role that owns the target schemas (and the history schema) but is no superuser and cannot create
 * roles or schemas: apply, seed, rollback and a bootstrap without the Supabase preparation work; what needs more
 * privilege fails with an error that names it, and changes nothing.
 */
class LeastPrivilegeTest {
    private static final String ROLE = "pmoves_least_privilege";
    private static final String PASSWORD = "least-Privilege-pw-7";

    @TempDir
    Path root;

    @Test
    void anOwnerOfItsSchemasRunsEveryGoalAndIsToldWhichPrivilegeIsMissing() throws Exception {
        TestPostgres.Database admin = TestPostgres.newDatabase("least_privilege");
        admin.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN CREATE ROLE "
                + ROLE + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD '" + PASSWORD + "'; END IF; END $$;"
                + " REVOKE CREATE ON DATABASE " + admin.name() + " FROM PUBLIC;"
                + " CREATE SCHEMA app AUTHORIZATION " + ROLE + "; CREATE SCHEMA supabase_migrations AUTHORIZATION "
                + ROLE + "; CREATE SCHEMA audit AUTHORIZATION " + ROLE + ";");
        ConnectionSettings asOwner = ConnectionSettings.resolve(admin.url(), ROLE, PASSWORD, Map.of(), 5);
        RecordingLog log = new RecordingLog();
        Path migrations = root.resolve("supabase/migrations");
        Path rollbacks = root.resolve("supabase/rollbacks");
        // The corpus without its CREATE SCHEMA and DROP SCHEMA statements: the admin made the schemas for the role
        Files.createDirectories(migrations);
        Files.createDirectories(rollbacks);
        for (Corpus.Step step : Corpus.STEPS) {
            Files.writeString(migrations.resolve(step.fileName()), Corpus.text(withoutSchemas(step.up()), 0, null));
            Files.writeString(rollbacks.resolve(step.fileName()), Corpus.text(withoutSchemas(step.down()), 0, null));
        }
        TableName history = TableName.parse("supabase_migrations.schema_migrations", "historyTable");
        ApplyOptions apply = ApplyOptions.of(configured(migrations)).withHistoryTable(history)
                .withLockTimeout(Duration.ofSeconds(5));

        new Migrator(asOwner, log).apply(apply);
        assertEquals(List.of("20"), admin.column("SELECT count(*) FROM supabase_migrations.schema_migrations"));
        assertEquals(20, StatusReport.read(asOwner, configured(migrations), history).status()
                .inState(ai.pmoves.engine.migration.MigrationState.APPLIED).size());

        Path seeds = Files.createDirectories(root.resolve("db"));
        Files.writeString(seeds.resolve("01_settings.sql"), "INSERT INTO app.settings VALUES ('theme', '\"dark\"');\n");
        SeedOptions seed = SeedOptions.of(SeedSources.in(root)
                .withInitDirectory(byDefault(root.resolve("supabase/initdb")))
                .withSeedDirectories(configured(seeds))).withHistoryTable(history)
                .withLockTimeout(Duration.ofSeconds(5));
        new Seeder(asOwner, log).seed(seed);
        assertEquals(List.of("theme"), admin.column("SELECT key FROM app.settings"));

        new Reverter(asOwner, log).rollback(RollbackOptions.of(configured(migrations), configured(rollbacks))
                .withHistoryTable(history).withCount(3).withLockTimeout(Duration.ofSeconds(5)));
        assertEquals(List.of("17"), admin.column("SELECT count(*) FROM supabase_migrations.schema_migrations"));
        new Migrator(asOwner, log).apply(apply);

        BootstrapOptions bootstrap = new BootstrapOptions(apply, seed, SupabaseCompat.OFF);
        new Bootstrapper(asOwner, log).bootstrap(bootstrap);

        // What needs more: a role, a schema, the Supabase preparation
        List<String> before = CatalogSnapshot.all(admin);
        Files.writeString(migrations.resolve("20250201_role.sql"), "CREATE TABLE app.x (id int);\nCREATE ROLE pmoves_lp_other;\n");
        PmovesException role = assertThrows(PmovesException.class, () -> new Migrator(asOwner, log).apply(apply));
        assertTrue(role.getMessage().startsWith("20250201_role.sql:2:1: ERROR 42501: permission denied to create role"),
                role.getMessage());
        Files.writeString(migrations.resolve("20250201_role.sql"), "CREATE SCHEMA other;\n");
        PmovesException schema = assertThrows(PmovesException.class, () -> new Migrator(asOwner, log).apply(apply));
        assertTrue(schema.getMessage().startsWith("20250201_role.sql:1:1: ERROR 42501: permission denied for database"),
                schema.getMessage());
        Files.delete(migrations.resolve("20250201_role.sql"));
        PmovesException prepare = assertThrows(PmovesException.class, () -> new Bootstrapper(asOwner, log)
                .bootstrap(new BootstrapOptions(apply, seed, SupabaseCompat.AUTO)));
        // whichever piece is missing first (the roles are the server's: another test may have made them already)
        assertTrue((prepare.getMessage().contains("CREATEROLE") || prepare.getMessage().contains("CREATE on the database"))
                && prepare.getMessage().contains("supabaseCompat=off"), prepare.getMessage());
        List<String> after = CatalogSnapshot.all(admin);
        assertEquals(before, after, () -> CatalogSnapshot.difference(before, after));
    }

    private static List<String> withoutSchemas(List<String> statements) {
        return statements.stream().filter(s -> !s.matches("(CREATE|DROP) SCHEMA .*")).toList();
    }
}
