package ai.pmoves.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate warns about a :'name' or :"name" the run does not define, at its file:line:column. */
class UndefinedVariableRuleTest {
    @TempDir
    Path root;

    @Test
    void aQuotedReferenceToAnUndefinedVariableIsAWarningAtItsPlace() throws Exception {
        LintFixture project = new LintFixture(root)
                .migration("20250101_a.sql", "CREATE TABLE t (a int[], b text);\n"
                        + "INSERT INTO t (b) VALUES (:'tenant'), (:'region'), (':nobody');\n"
                        + "SELECT a[1:n] FROM :\"schema\".t; -- :'in_a_comment'\n")
                .file("db", "seed.sql", "SELECT :'missing_in_seed';\n");
        project.variables = Set.of("tenant");
        assertEquals(List.of("2:40 variable :'region' is not defined", "3:20 variable :\"schema\" is not defined",
                        "1:8 variable :'missing_in_seed' is not defined"),
                project.findings("undefined-variable"));
        assertEquals(1, project.lint().findings().stream().filter(f -> f.rule().id().equals("undefined-variable")
                && f.file().equals("db/seed.sql") && f.rule().severity() == Severity.WARNING).count());
    }
}
