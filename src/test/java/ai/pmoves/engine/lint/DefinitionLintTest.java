package ai.pmoves.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate reads the definitions, where a statement that cannot run twice fails the run after the next edit. */
class DefinitionLintTest {
    @TempDir
    Path root;

    @Test
    void aDefinitionThatCannotRunTwiceIsWarnedAboutAndCounted() throws Exception {
        LintFixture project = new LintFixture(root)
                .file("supabase/definitions", "orders.sql", "CREATE TABLE orders_cache (id int);\n"
                        + "CREATE FUNCTION order_total() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"
                        + "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;\n");
        List<String> findings = project.findings().stream().filter(f -> f.contains("definitions/")).toList();
        assertEquals(List.of("if-not-exists@supabase/definitions/orders.sql:1:1 CREATE TABLE orders_cache without IF NOT EXISTS",
                "or-replace@supabase/definitions/orders.sql:2:1 CREATE FUNCTION order_total without OR REPLACE"), findings);
        assertEquals("Validated 1 SQL file (0 init scripts, 0 migrations, 1 definition, 0 seeds, 0 down scripts) with"
                + " 21 rules.", LintText.lines(project.lint()).get(0).text());
    }

    @Test
    void validateJsonCountsTheDefinitionsAsTheirOwnKind() throws Exception {
        LintFixture project = new LintFixture(root)
                .file("supabase/migrations", "20250101_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n")
                .file("supabase/definitions", "1_fn.sql", "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;\n")
                .file("supabase/definitions", "2_view.sql", "CREATE OR REPLACE VIEW w AS SELECT 2 AS two;\n");
        String json = LintJson.toJson(project.lint());
        assertTrue(json.startsWith("{\n  \"files\": {\"migrations\": 1, \"definitions\": 2, \"init\": 0, \"seeds\": 0,"
                + " \"rollbacks\": 0},\n"), json);
    }
}
