package ai.pmoves.engine.apply;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.rollback.Reverter;
import ai.pmoves.engine.rollback.RollbackOptions;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each file starts in a fresh session's state, as psql's one process per file gives it, against a real PostgreSQL:
 * what a file SETs does not reach the next; what it makes the database's or a role's default does.
 */
class FreshSessionPerFileTest {
    /** What a pg_dump file starts with: every later name must then be schema-qualified. */
    private static final String DUMP_HEADER = "SELECT pg_catalog.set_config('search_path', '', false);\n";

    @TempDir
    Path root;
    MigrationsFixture db;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "fresh_" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aDumpsEmptySearchPathDoesNotReachTheNextMigration() throws Exception {
        db.file("20250101_dump.sql", DUMP_HEADER + "CREATE TABLE public.a (id int);\n")
                .file("20250102_b.sql", "CREATE TABLE b (id int);\n");
        db.apply();
        assertEquals(List.of("t"), db.column("SELECT to_regclass('public.b') IS NOT NULL"));
    }

    @Test
    void aSetRoleOrSessionAuthorizationDoesNotReachTheHistoryRowOrTheNextMigration() throws Exception {
        db.file("20250101_role.sql", "DO $$ BEGIN CREATE ROLE authenticated NOLOGIN NOINHERIT;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$;\nSET ROLE authenticated;\n")
                .file("20250102_auth.sql", "SET SESSION AUTHORIZATION authenticated;\nSET statement_timeout = '3s';\n")
                .file("20250103_c.sql", "CREATE TABLE c AS SELECT current_user AS who,"
                        + " current_setting('statement_timeout') AS timeout;\n");
        db.apply();
        assertEquals(List.of(db.database.user() + "|0"), db.column("SELECT who || '|' || timeout FROM c"));
        assertEquals(List.of("3"), db.column("SELECT count(*) FROM supabase_migrations.schema_migrations"
                + " WHERE applied_by = current_user"));
    }

    @Test
    void aTemporaryTableOfOneMigrationIsGoneInTheNext() throws Exception {
        db.file("20250101_a.sql", "CREATE TEMP TABLE scratch (id int);\nCREATE TABLE a AS SELECT 1 AS id;\n")
                .file("20250102_b.sql", "CREATE TEMP TABLE scratch (id int);\nCREATE TABLE b AS SELECT 1 AS id;\n");
        assertEquals(2, db.apply().applied().size());
    }

    @Test
    void anAlterDatabaseSetInAMigrationIsInEffectForTheNext() throws Exception {
        db.file("20250101_extensions.sql", "CREATE SCHEMA extensions;\n"
                        + "CREATE FUNCTION extensions.hello() RETURNS text LANGUAGE sql AS $$ SELECT 'hi' $$;\n"
                        + "ALTER DATABASE " + db.database.name() + " SET search_path = \"$user\", public, extensions;\n")
                .file("20250102_greeting.sql", "CREATE TABLE greeting AS SELECT hello() AS said,"
                        + " current_setting('search_path') AS path;\n");
        db.apply();
        assertEquals(List.of("hi|\"$user\", public, extensions"), db.column("SELECT said || '|' || path FROM greeting"));
    }

    @Test
    void anAlterRoleSetInAnInitScriptIsInEffectForTheMigrationsAndSeeds() throws Exception {
        Path init = Files.createDirectories(root.resolve("supabase/initdb"));
        Path seeds = Files.createDirectories(root.resolve("db"));
        Files.writeString(init.resolve("01_role.sql"), "ALTER ROLE " + db.database.user() + " IN DATABASE "
                + db.database.name() + " SET statement_timeout = '77s';\n");
        db.file("20250101_a.sql", "CREATE TABLE seen AS SELECT 'migration' AS by,"
                + " current_setting('statement_timeout') AS timeout;\n");
        Files.writeString(seeds.resolve("01_seed.sql"), "INSERT INTO seen SELECT 'seed',"
                + " current_setting('statement_timeout');\n");
        new Bootstrapper(db.settings(), db.engineLog()).bootstrap(new BootstrapOptions(db.options(),
                seedOptions(init, seeds), SupabaseCompat.OFF));
        assertEquals(List.of("migration|77s", "seed|77s"), db.column("SELECT by || '|' || timeout FROM seen ORDER BY by"));
    }

    @Test
    void aSeedsSettingDoesNotReachTheNextSeed() throws Exception {
        Path seeds = Files.createDirectories(root.resolve("db"));
        Files.writeString(seeds.resolve("01_dump.sql"), DUMP_HEADER + "CREATE TABLE public.a (id int);\n");
        Files.writeString(seeds.resolve("02_b.sql"), "CREATE TABLE b (id int);\n");
        new Seeder(db.settings(), db.engineLog()).seed(seedOptions(root.resolve("supabase/initdb"), seeds));
        assertEquals(List.of("t"), db.column("SELECT to_regclass('public.b') IS NOT NULL"));
    }

    @Test
    void aDownScriptsSettingDoesNotReachTheNextDownScript() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n").file("20250102_b.sql", "CREATE TABLE b (id int);\n");
        db.apply();
        Path rollbacks = Files.createDirectories(root.resolve("rollbacks"));
        Files.writeString(rollbacks.resolve("20250102_b.sql"), DUMP_HEADER + "DROP TABLE public.b;\n");
        Files.writeString(rollbacks.resolve("20250101_a.sql"), "DROP TABLE a;\n");
        new Reverter(db.settings(), db.engineLog()).rollback(
                RollbackOptions.of(configured(db.directory), configured(rollbacks)).withCount(2));
        assertEquals(List.of(), db.versions());
        assertEquals(List.of("f"), db.column("SELECT to_regclass('public.a') IS NOT NULL"));
    }

    private SeedOptions seedOptions(Path init, Path seeds) {
        return SeedOptions.of(SeedSources.in(root).withInitDirectory(byDefault(init))
                .withSeedDirectories(configured(seeds))).withLockTimeout(Duration.ofSeconds(5));
    }
}
