package ai.pmoves.engine.lint;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linter as a whole: which files it reads, turning rules off, the report, and the guide's own template. */
class LinterTest {
    @TempDir
    Path root;
    LintFixture project;

    @BeforeEach
    void project() {
        project = new LintFixture(root);
    }

    static String guideTemplate() throws IOException {
        try (InputStream in = LinterTest.class.getResourceAsStream("/guide/example-migration-template.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theGuidesExampleMigrationTemplateHasNoFindings() throws Exception {
        project.migration("20250115000000_new_feature.sql", guideTemplate());
        LintReport report = project.lint();
        assertEquals(1, report.count(SourceKind.MIGRATION));
        assertEquals(List.of(), project.findings());
        assertEquals(Rules.ALL, report.rules());
    }

    @Test
    void readsMigrationsInitScriptsSeedsAndDownScripts() throws Exception {
        project.migration("20250101_a.sql", "CREATE TABLE a (id int);")
                .file("supabase/initdb", "10_c.sql", "CREATE TABLE c (id int);")
                .file("supabase/initdb", "06_b.sql", "CREATE TABLE b (id int);")
                .file("db", "v5_12_seed.sql", "CREATE TABLE d (id int);")
                .file("supabase/rollbacks", "20250101_a.sql", "CREATE TABLE e (id int);")
                .file("supabase/rollbacks", "notes.txt", "CREATE TABLE ignored (id int);");
        assertEquals(List.of("supabase/initdb/06_b.sql:1:1", "supabase/initdb/10_c.sql:1:1",
                "supabase/migrations/20250101_a.sql:1:1", "db/v5_12_seed.sql:1:1", "supabase/rollbacks/20250101_a.sql:1:1"),
                project.lint().findings().stream().map(Finding::location).toList());
    }

    @Test
    void rulesCanBeTurnedOffByIdInAnyCase() throws Exception {
        project.migration("20250101_a.sql", "CREATE TABLE a (id uuid DEFAULT uuid_generate_v4());");
        project.disabled = Set.of("IF-NOT-EXISTS");
        LintReport report = project.lint();
        assertEquals(List.of("uuid-ossp"), report.findings().stream().map(f -> f.rule().id()).toList());
        assertEquals(List.of("IF-NOT-EXISTS"), report.disabled());
        assertFalse(report.rules().stream().anyMatch(r -> r.id().equals("if-not-exists")));
    }

    @Test
    void anUnknownRuleIdIsAnErrorListingTheKnownOnes() {
        project.disabled = Set.of("uuid");
        PmovesException e = assertThrows(PmovesException.class, project::lint);
        assertTrue(e.getMessage().startsWith("Unknown rule id 'uuid' in skipRules (-Dpmoves.skipRules): the rules are syntax,"
                + " duplicate-version, file-name, file-date, same-day-forms, uuid-ossp,"), e.getMessage());
    }

    @Test
    void aConfiguredDirectoryThatIsMissingIsAnError() {
        PmovesException e = assertThrows(PmovesException.class, () -> Linter.lint(LintOptions.of(root,
                List.of(new SourceDirectory(SourceKind.SEED, configured(root.resolve("seeds")), "seedDirectories")))));
        assertTrue(e.getMessage().startsWith("The configured seedDirectories '" + root.resolve("seeds")), e.getMessage());
    }

    @Test
    void jsonHoldsEveryFindingWithItsRuleAndASummary() throws Exception {
        project.migration("add \"x\".sql", "SELECT 1;")
                .migration("20250101_a.sql", "CREATE TABLE a (id uuid DEFAULT uuid_generate_v4());");
        project.disabled = Set.of("rls-without-policy");
        String json = LintJson.toJson(project.lint());
        assertTrue(json.startsWith("{\n  \"files\": {\"migrations\": 2, \"definitions\": 0, \"init\": 0, \"seeds\": 0, \"rollbacks\": 0},\n"
                + "  \"disabledRules\": [\"rls-without-policy\"],\n  \"findings\": [\n"
                + "    {\"rule\": \"file-name\", \"severity\": \"warning\", \"file\": \"supabase/migrations/add \\\"x\\\".sql\","
                + " \"line\": null, \"column\": null, \"message\": \"'add \\\"x\\\".sql' is not a migration's name"), json);
        assertTrue(json.contains("{\"rule\": \"uuid-ossp\", \"severity\": \"warning\", \"file\":"
                + " \"supabase/migrations/20250101_a.sql\", \"line\": 1, \"column\": 33, \"message\": \"uuid_generate_v4()"
                + " comes from the uuid-ossp extension\", \"why\": \"the migrations guide asks for gen_random_uuid()"), json);
        assertTrue(json.endsWith("\"summary\": {\"errors\": 0, \"warnings\": 3}\n}\n"), json);
    }

    @Test
    void textGroupsFindingsByRuleWithTheWhyOnceAndTheFix() throws Exception {
        project.migration("20250101_a.sql", "CREATE TABLE a (id int);\nCREATE TYPE mood AS ENUM ('ok');\n"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n");
        List<LintText.Line> lines = LintText.lines(project.lint());
        List<String> text = lines.stream().map(LintText.Line::text).toList();
        assertEquals("Validated 1 SQL file (0 init scripts, 1 migration, 0 seeds, 0 down scripts) with 21 rules.",
                text.get(0));
        int group = text.indexOf("if-not-exists (warning, 2 findings): " + new IfNotExistsRule().why());
        assertTrue(group > 0, text.toString());
        assertEquals("  supabase/migrations/20250101_a.sql:1:1  CREATE TABLE a without IF NOT EXISTS", text.get(group + 1));
        assertEquals("      fix: write CREATE TABLE IF NOT EXISTS a", text.get(group + 2));
        int orReplace = text.indexOf("or-replace (warning, 1 finding): " + new OrReplaceRule().why());
        assertEquals("  supabase/migrations/20250101_a.sql:3:1  CREATE FUNCTION f without OR REPLACE", text.get(orReplace + 1));
        assertEquals("0 errors, 3 warnings (if-not-exists 2, or-replace 1).", text.get(text.size() - 1));
        assertTrue(lines.stream().filter(l -> l.text().startsWith("  ")).allMatch(l -> l.severity() == Severity.WARNING));
    }

    @Test
    void errorsComeFirstAndEachRulesWarningsAreCountedNotAllListed() throws Exception {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id int);\n");
        }
        project.migration("20250101_a.sql", sql.toString()).migration("20250101_b.sql", "SELECT 1;\n");
        List<String> text = LintText.lines(project.lint()).stream().map(LintText.Line::text).toList();
        int error = text.indexOf("duplicate-version (error, 1 finding): " + new DuplicateVersionRule().why());
        int warning = text.indexOf("if-not-exists (warning, 40 findings): " + new IfNotExistsRule().why());
        assertTrue(error > 0 && warning > error, text.toString());
        assertEquals(LintText.WARNINGS_SHOWN, text.stream().filter(l -> l.endsWith("without IF NOT EXISTS")).count());
        assertTrue(text.contains("  … and 35 more (validate.json lists every finding)"), text.toString());
        assertEquals("1 error, 40 warnings (if-not-exists 40).", text.get(text.size() - 1));
    }

    @Test
    void failOnDecidesWhatFailsTheBuild() throws Exception {
        project.migration("20250101_a.sql", "CREATE TABLE a (id int);");
        LintReport warningsOnly = project.lint();
        assertFalse(FailOn.parse("error").fails(warningsOnly));
        assertTrue(FailOn.parse("WARNING").fails(warningsOnly));
        assertFalse(FailOn.parse(" none ").fails(warningsOnly));
        PmovesException e = assertThrows(PmovesException.class, () -> FailOn.parse("warnings"));
        assertEquals("failOn 'warnings' (-Dpmoves.failOn) is not one of error, warning, none.", e.getMessage());
    }
}
