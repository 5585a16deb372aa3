package ai.pmoves.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** validate's findings as surefire's JUnit XML: a test case per file, a failure per error, warnings as its output. */
class LintJUnitTest {
    @TempDir
    Path root;

    @Test
    void eachFileIsATestCaseWithAFailurePerErrorAndItsWarningsInSystemOut() throws Exception {
        LintFixture project = new LintFixture(root)
                .migration("20250101_clean.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n")
                .migration("20250102_hazards.sql", "CREATE INDEX IF NOT EXISTS orders_amount ON orders (amount);\n"
                        + "ALTER TABLE orders RENAME TO purchases;\n")
                .migration("20250103_broken.sql", "CREATE TABLE IF NOT EXISTS b (note text DEFAULT 'unclosed);\n");
        Path file = root.resolve("target/pmoves-reports/TEST-pmoves.validate.xml");
        LintJUnit.write(project.lint(), "validate", file);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("pmoves.validate", suite.getAttribute("name"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"), "one file has an error");
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertEquals(List.of("supabase/migrations/20250101_clean.sql", "supabase/migrations/20250102_hazards.sql",
                "supabase/migrations/20250103_broken.sql"), names);

        Element clean = (Element) cases.item(0);
        assertEquals(0, clean.getElementsByTagName("*").getLength(), "a clean file passes");
        Element hazards = (Element) cases.item(1);
        assertEquals(0, hazards.getElementsByTagName("failure").getLength(), "warnings are no failures");
        String out = hazards.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(out.startsWith("warning index-not-concurrent at supabase/migrations/20250102_hazards.sql:1:1:"
                + " CREATE INDEX on orders without CONCURRENTLY"), out);
        assertTrue(out.contains("\n\nwarning rename at supabase/migrations/20250102_hazards.sql:2:20:"), out);
        assertTrue(out.contains("\n  fix: expand and contract"), out);
        Element named = (Element) cases.item(2);
        Element failure = (Element) named.getElementsByTagName("failure").item(0);
        assertEquals("syntax", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").startsWith("syntax: "), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith("error syntax at supabase/migrations/20250103_broken.sql:1:"),
                failure.getTextContent());
    }
}
