package ai.pmoves.engine.apply;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.definition.DefinitionSources;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.Seeder;
import ai.pmoves.engine.sql.PsqlVariables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** psql variables in migrations, definitions and seeds, against a real PostgreSQL. */
class VariablesInFilesTest {
    @TempDir
    Path root;
    MigrationsFixture db;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "variables_" + test.getTestMethod().orElseThrow().getName());
    }

    private ConnectionSettings with(Map<String, String> values) {
        return db.settings().withVariables(new PsqlVariables(values));
    }

    private ApplyOptions withDefinitions(boolean dryRun) throws Exception {
        return db.options().withDryRun(dryRun ? db.dryRunFile() : null).withDefinitions(new DefinitionSources(
                configured(Files.createDirectories(root.resolve("definitions"))), root));
    }

    @Test
    void aMigrationAndADefinitionTakeTheValuesAndAStringKeepsTheReferenceAsWritten() throws Exception {
        db.file("20250101_roles.sql", "CREATE SCHEMA :\"app_schema\";\n"
                + "CREATE TABLE :\"app_schema\".notes (body text, size int DEFAULT :default_size);\n"
                + "INSERT INTO :\"app_schema\".notes (body) VALUES (:'greeting'), (':greeting');\n");
        Files.createDirectories(root.resolve("definitions"));
        Files.writeString(root.resolve("definitions/hello.sql"), "CREATE OR REPLACE FUNCTION hello() RETURNS text"
                + " LANGUAGE sql AS $$ SELECT ':greeting' $$;\nCOMMENT ON FUNCTION hello() IS :'greeting';\n");
        new Migrator(with(Map.of("app_schema", "App Data", "greeting", "it's me", "default_size", "7")), db.engineLog())
                .apply(withDefinitions(false));
        assertEquals(List.of("it's me|7", ":greeting|7"),
                db.column("SELECT body || '|' || size FROM \"App Data\".notes ORDER BY body DESC"));
        assertEquals(List.of(":greeting|it's me"),
                db.column("SELECT hello() || '|' || obj_description('hello'::regproc, 'pg_proc')"));
    }

    @Test
    void theChecksumCoversTheFileAsWrittenSoANewValueIsNotAnEdit() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (n int DEFAULT :n);\n");
        new Migrator(with(Map.of("n", "1")), db.engineLog()).apply(db.options());
        ApplyResult again = new Migrator(with(Map.of("n", "2")), db.engineLog()).apply(db.options());
        assertEquals(List.of(), again.applied());
        assertEquals(1, again.upToDate());
    }

    @Test
    void aDryRunShowsTheReferenceNeverTheValue() throws Exception {
        db.file("20250101_a.sql", "CREATE ROLE app LOGIN PASSWORD :'app_password';\n");
        new Migrator(with(Map.of("app_password", "s3cret-value")), db.engineLog()).apply(
                db.options().withDryRun(db.dryRunFile()));
        String sql = Files.readString(db.dryRunFile());
        assertTrue(sql.contains("PASSWORD :'app_password'"), sql);
        assertFalse(sql.contains("s3cret-value"), sql);
        assertFalse(String.join("\n", db.log).contains("s3cret-value"));
    }

    @Test
    void aSeedTakesTheValues() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE tenants (name text);\n");
        Path seeds = Files.createDirectories(root.resolve("db"));
        Files.writeString(seeds.resolve("tenants.sql"), "INSERT INTO tenants VALUES (:'tenant');\n");
        ConnectionSettings settings = with(Map.of("tenant", "acme"));
        new Migrator(settings, db.engineLog()).apply(db.options());
        new Seeder(settings, db.engineLog()).seed(SeedOptions.of(SeedSources.in(root)
                .withInitDirectory(byDefault(root.resolve("none")))
                .withSeedDirectories(configured(seeds))).withLockTimeout(Duration.ofSeconds(5)));
        assertEquals(List.of("acme"), db.column("SELECT name FROM tenants"));
    }

    @Test
    void anErrorAfterAVariableIsReportedAtItsPlaceInTheFileAsWritten() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (n int);\nSELECT :'long_value', nope_column FROM a;\n");
        PmovesException e = assertThrows(PmovesException.class, () -> new Migrator(
                with(Map.of("long_value", "a value much longer than its reference")), db.engineLog()).apply(db.options()));
        assertTrue(e.getMessage().startsWith("20250101_a.sql:2:23: ERROR 42703: column \"nope_column\" does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("SELECT :'long_value', nope_column"), e.getMessage());
    }
}
