package ai.pmoves.engine.definition;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.ApplyResult;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.status.StatusJson;
import ai.pmoves.engine.status.StatusReport;
import ai.pmoves.engine.status.StatusTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Definitions against a real PostgreSQL: run after the migrations when new or changed, tracked, atomic, planned. */
class DefinitionPlanTest {
    @TempDir
    Path root;
    MigrationsFixture db;
    Path definitions;

    @BeforeEach
    void freshDatabase(TestInfo test) throws Exception {
        db = new MigrationsFixture(root, "definitions_" + test.getTestMethod().orElseThrow().getName());
        definitions = Files.createDirectories(root.resolve("definitions"));
    }

    private DefinitionPlanTest definition(String name, String sql) throws Exception {
        Files.writeString(definitions.resolve(name), sql);
        return this;
    }

    private ApplyOptions options(boolean dryRun) {
        return db.options().withDryRun(dryRun ? db.dryRunFile() : null)
                .withDefinitions(new DefinitionSources(configured(definitions), root));
    }

    private ApplyResult apply() {
        return db.apply(options(false));
    }

    private List<String> recorded() throws Exception {
        return db.column("SELECT path FROM supabase_migrations.definition_files ORDER BY applied_at, path");
    }

    @Test
    void definitionsRunAfterThePendingMigrationsInNaturalOrderAndAreRecorded() throws Exception {
        db.file("20250101_items.sql", "CREATE TABLE items (id int, price int);\n");
        definition("10_item_view.sql", "CREATE OR REPLACE VIEW cheap_items AS SELECT * FROM items WHERE price < doubled(5);\n")
                .definition("2_doubled.sql", "CREATE OR REPLACE FUNCTION doubled(n int) RETURNS int"
                        + " LANGUAGE sql AS $$ SELECT n * 2 $$;\n");
        ApplyResult result = apply();
        assertEquals(List.of("20250101_items.sql"), result.applied());
        assertEquals(List.of("definitions/2_doubled.sql", "definitions/10_item_view.sql"), result.definitions());
        assertTrue(db.exists("cheap_items"));
        assertEquals(List.of("true|true"), db.column("SELECT bool_and(checksum ~ '^[0-9a-f]{64}$') || '|'"
                + " || bool_and(execution_ms >= 0 AND applied_at IS NOT NULL) FROM supabase_migrations.definition_files"));
        assertTrue(db.log.stream().anyMatch(l -> l.startsWith("INFO [definition 2/2] definitions/10_item_view.sql (new) … ")),
                db.log.toString());
    }

    @Test
    void anUnchangedDefinitionDoesNotRunAgainAndAnEditedOneDoes() throws Exception {
        definition("answer.sql", "CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 41 $$;\n")
                .definition("greeting.sql", "CREATE OR REPLACE FUNCTION greeting() RETURNS text LANGUAGE sql AS $$ SELECT 'hi' $$;\n");
        apply();
        assertEquals(List.of(), apply().definitions());
        definition("answer.sql", "CREATE OR REPLACE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42 $$;\n");
        ApplyResult third = apply();
        assertEquals(List.of("definitions/answer.sql"), third.definitions());
        assertEquals(List.of("42"), db.column("SELECT answer()"));
        assertTrue(db.log.stream().anyMatch(l -> l.startsWith("INFO [definition 1/1] definitions/answer.sql (changed)")),
                db.log.toString());
    }

    @Test
    void aFailingDefinitionLeavesTheDatabaseAsBeforeThatFileAndNamesFileLineColumn() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        definition("1_good.sql", "CREATE OR REPLACE VIEW good AS SELECT id FROM a;\n")
                .definition("2_bad.sql", "CREATE OR REPLACE VIEW half AS SELECT id FROM a;\n-- then a typo\n"
                        + "CREATE OR REPLACE VIEW broken AS SELECT id FROM nope;\n")
                .definition("3_after.sql", "CREATE OR REPLACE VIEW after AS SELECT id FROM a;\n");
        PmovesException e = assertThrows(PmovesException.class, this::apply);
        assertTrue(e.getMessage().startsWith("definitions/2_bad.sql:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("relation \"nope\" does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("Definition definitions/2_bad.sql was rolled back"), e.getMessage());
        assertFalse(db.exists("half"));
        assertFalse(db.exists("after"));
        assertTrue(db.exists("good"));
        assertEquals(List.of("definitions/1_good.sql"), recorded());
        assertEquals(List.of("20250101"), db.versions());
    }

    @Test
    void aDefinitionTheJvmRunsOutOfMemoryOnIsRolledBackAndNotRecorded() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        definition("1_good.sql", "CREATE OR REPLACE VIEW good AS SELECT id FROM a;\n")
                .definition("2_big.sql", "CREATE OR REPLACE VIEW half AS SELECT id FROM a;\n"
                        + "SELECT 'a line longer than the heap holds';\n");
        // The JVM runs out of memory at the second statement, through the seam the Supabase stand-ins use
        PmovesException e = db.applyOutOfMemoryAt("longer than the heap", options(false));
        assertTrue(e.getMessage().startsWith("definitions/2_big.sql:2:1: the JVM ran out of memory (Java heap"
                + " space)"), e.getMessage());
        assertTrue(e.getMessage().contains("Definition definitions/2_big.sql was rolled back: none of it is"
                + " applied and it is not recorded"), e.getMessage());
        assertFalse(db.exists("half"));
        assertTrue(db.exists("good"));
        assertEquals(List.of("definitions/1_good.sql"), recorded());
        assertEquals(List.of("20250101"), db.versions());
    }

    @Test
    void aDefinitionThatCannotBeSplitFailsTheRunBeforeAnyMigrationRuns() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        definition("bad.sql", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1;\n");
        PmovesException e = assertThrows(PmovesException.class, this::apply);
        assertTrue(e.getMessage().startsWith("bad.sql:1:"), e.getMessage());
        assertFalse(db.exists("a"));
    }

    @Test
    void eachDefinitionStartsInAFreshSession() throws Exception {
        definition("1_temp.sql", "CREATE TEMP TABLE scratch (id int);\n")
                .definition("2_temp.sql", "CREATE TEMP TABLE scratch (id int);\n");
        assertEquals(2, apply().definitions().size());
    }

    @Test
    void definitionsRunWithoutAnyMigration() throws Exception {
        definition("f.sql", "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n");
        assertEquals(List.of("definitions/f.sql"), apply().definitions());
        assertEquals(List.of("1"), db.column("SELECT f()"));
    }

    @Test
    void aMissingDefaultDirectoryIsSkippedAndAMissingConfiguredOneIsAnError() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        ApplyOptions o = options(false);
        Path absent = root.resolve("absent");
        ApplyResult result = db.apply(
                o.withDefinitions(new DefinitionSources(byDefault(absent), root)));
        assertEquals(List.of(), result.definitions());
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(
                o.withDefinitions(new DefinitionSources(configured(absent), root))));
        assertTrue(e.getMessage().contains("definitionsDirectory '" + absent + "' does not exist"), e.getMessage());
    }

    @Test
    void aDryRunPlansTheDefinitionsWithTheirTableAndRunsNothing() throws Exception {
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\n");
        definition("v.sql", "CREATE OR REPLACE VIEW v AS SELECT id FROM a;\n");
        ApplyResult result = db.apply(options(true));
        assertEquals(List.of("definitions/v.sql"), result.definitions());
        assertFalse(db.exists("v"));
        assertFalse(db.exists("supabase_migrations.definition_files"));
        String sql = Files.readString(options(true).dryRunFile());
        assertTrue(sql.contains("CREATE TABLE IF NOT EXISTS supabase_migrations.definition_files"), sql);
        assertTrue(sql.indexOf("CREATE OR REPLACE VIEW v") > sql.indexOf("CREATE TABLE a"), sql);
        assertTrue(sql.contains("INSERT INTO supabase_migrations.definition_files"), sql);
    }

    @Test
    void statusShowsEachDefinitionAsAppliedPendingOrChanged() throws Exception {
        definition("a.sql", "CREATE OR REPLACE VIEW a AS SELECT 1 AS one;\n")
                .definition("b.sql", "CREATE OR REPLACE VIEW b AS SELECT 2 AS two;\n");
        apply();
        definition("b.sql", "CREATE OR REPLACE VIEW b AS SELECT 3 AS two;\n")
                .definition("c.sql", "CREATE OR REPLACE VIEW c AS SELECT 4 AS four;\n");
        try (Connection c = db.database.connect()) {
            List<String> states = new DefinitionSources(configured(definitions), root)
                    .status(c, MigrationsFixture.HISTORY).stream()
                    .map(i -> i.path() + " " + i.state().label()).toList();
            assertEquals(List.of("definitions/a.sql applied", "definitions/b.sql changed", "definitions/c.sql pending"),
                    states);
        }
    }

    @Test
    void theStatusReportListsDefinitionsInItsTableAndInStatusJson() throws Exception {
        definition("a.sql", "CREATE OR REPLACE VIEW a AS SELECT 1 AS one;\n");
        apply();
        definition("b.sql", "CREATE OR REPLACE VIEW b AS SELECT 2 AS two;\n");
        StatusReport report = StatusReport.read(db.settings(), configured(db.directory), MigrationsFixture.HISTORY,
                null, null, new DefinitionSources(configured(definitions), root));
        List<String> lines = StatusTable.lines(report);
        assertTrue(lines.stream().anyMatch(l -> l.matches("definitions/a\\.sql +applied +\\d{4}-.*")), lines.toString());
        assertTrue(lines.contains("definitions/b.sql  pending"), lines.toString());
        assertTrue(lines.contains("2 definitions: 1 applied, 1 pending, 0 changed, 0 missing."), lines.toString());
        String json = StatusJson.toJson(report);
        assertTrue(json.contains("\"definitions\": [\n    {\"path\": \"definitions/a.sql\", \"state\": \"applied\""), json);
        assertTrue(json.contains("{\"path\": \"definitions/b.sql\", \"state\": \"pending\", \"appliedAt\": null}"), json);
    }

    @Test
    void aTargetWithOnlyDefinitionsSaysThereAreNoMigrations() throws Exception {
        definition("f.sql", "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n");
        ApplyOptions o = options(false);
        PmovesException e = assertThrows(PmovesException.class, () -> db.apply(o.withTarget("20250101")));
        assertEquals("target '20250101' matches no migration file. There are none: leave target"
                + " out.", e.getMessage());
        assertFalse(db.exists("supabase_migrations.definition_files"));
    }
}
