package ai.pmoves.engine.tap;

import ai.pmoves.engine.junit.JUnitXml;
import java.nio.file.Path;
import java.util.List;


/**
 * The JUnit XML report of a test file, in the form surefire writes and CI servers read
 * ({@code TEST-pmoves.test.<path>.xml}): one {@code testsuite} per file, one {@code testcase} per assertion, with
 * {@code failure}, {@code error} and {@code skipped} as surefire uses them, and the file's whole output in
 * {@code system-out}. Each test case carries {@code file} and {@code line}, which GitLab and several GitHub reporters
 * show.
 */
public final class JUnitReport {
    /** The reports of this goal, which a new run replaces (a renamed test file leaves none behind). */
    private static final String PREFIX = "TEST-pmoves.test.";

    private JUnitReport() {
    }

    /** Deletes the reports an earlier run wrote in {@code directory}; other files stay. */
    public static void clear(Path directory) {
        JUnitXml.clear(directory, PREFIX + "*.xml");
    }

    /** Writes the report of one file into {@code directory}; returns its path. */
    public static Path write(TestFileResult r, Path directory) {
        Path file = directory.resolve("TEST-" + r.file().suite() + ".xml");
        String suite = r.file().suite();
        String path = r.file().path();
        try (JUnitXml xml = JUnitXml.open(file, new JUnitXml.Suite(suite, r.tests(), r.failures(), r.errors(),
                r.skipped(), r.nanos()), "file", path)) {
            for (Assertion a : r.tap().assertions()) {
                String name = a.number() + (a.description().isEmpty() ? "" : " - " + a.description());
                xml.testcase(name, suite, a.nanos(), path, a.line());
                if (a.failed()) {
                    xml.child("failure", a.tapLine(), "pgTAP", path + ":" + a.line() + " " + a.tapLine()
                            + lines(a.diagnostics()));
                } else if (a.skipped()) {
                    xml.child("skipped", a.directive() + (a.reason().isEmpty() ? "" : " " + a.reason()), null, null);
                }
                xml.endCase();
            }
            if (r.skippedAll()) {
                xml.testcase("1..0", suite, 0, path, 1).child("skipped", "SKIP" + (r.tap().skipAllReason().isEmpty()
                        ? "" : " " + r.tap().skipAllReason()), null, null).endCase();
            }
            if (r.planFailed()) {
                String problems = String.join("; ", r.tap().problems());
                xml.testcase("plan", suite, 0, path, 1).child("failure", problems, "pgTAP plan", path + ": " + problems
                        + lines(r.tap().diagnostics())).endCase();
            }
            if (r.error() != null) {
                xml.testcase("SQL error at line " + r.error().line(), suite, 0, path, r.error().line())
                        .child("error", r.error().headline(), r.error().sqlState().isEmpty() ? "SQLException"
                                : "SQLSTATE " + r.error().sqlState(), r.error().description()).endCase();
            }
            if (r.tap().bailOut() != null) {
                xml.testcase("Bail out!", suite, 0, path, 1).child("error", "Bail out! " + r.tap().bailOut(),
                        "pgTAP bail out", "Bail out! " + r.tap().bailOut()).endCase();
            }
            xml.systemOut(String.join("\n", r.tap().output()), "  ");
        }
        return file;
    }

    private static String lines(List<String> diagnostics) {
        return diagnostics.isEmpty() ? "" : "\n" + String.join("\n", diagnostics);
    }

    /** Seconds with three decimals, as surefire writes them, whatever the locale. */
    static String seconds(long nanos) {
        return JUnitXml.seconds(nanos);
    }
}
