package ai.pmoves.engine.lint;

import ai.pmoves.engine.junit.JUnitXml;
import java.nio.file.Path;
import java.util.List;

/**
 * The findings as a JUnit XML report ({@code TEST-pmoves.validate.xml}), which CI servers show as they show test
 * results: one test case per file read, a {@code failure} for each error found in it, and its warnings in its
 * {@code system-out}, each with its rule, place, why and fix.
 */
public final class LintJUnit {
    private LintJUnit() {
    }

    /** Writes the report of {@code goal} ({@code validate}) to {@code file}. */
    public static void write(LintReport report, String goal, Path file) {
        String suite = "pmoves." + goal;
        List<SourceFile> files = report.files();
        int failing = (int) files.stream().filter(f -> !found(report, f, Severity.ERROR).isEmpty()).count();
        try (JUnitXml xml = JUnitXml.open(file, new JUnitXml.Suite(suite, files.size(), failing, 0, 0, 0),
                "rules", String.join(",", report.rules().stream().map(Rule::id).toList()),
                "disabledRules", String.join(",", report.disabled()))) {
            for (SourceFile f : files) {
                xml.testcase(f.displayName(), suite, 0, f.displayName(), 1);
                for (Finding e : found(report, f, Severity.ERROR)) {
                    xml.child("failure", e.rule().id() + ": " + e.message(), e.rule().id(), describe(e));
                }
                List<Finding> warnings = found(report, f, Severity.WARNING);
                if (!warnings.isEmpty()) {
                    xml.systemOut(String.join("\n\n", warnings.stream().map(LintJUnit::describe).toList()), "    ");
                    xml.endCaseOnNewLine();
                } else {
                    xml.endCase();
                }
            }
        }
    }

    private static List<Finding> found(LintReport report, SourceFile file, Severity severity) {
        return report.findings().stream()
                .filter(f -> f.file().equals(file.displayName()) && f.rule().severity() == severity).toList();
    }

    /** {@code warning if-not-exists at a.sql:3:1: message}, then the why and the fix, one a line. */
    private static String describe(Finding f) {
        return f.rule().severity().label() + " " + f.rule().id() + " at " + f.location() + ": " + f.message()
                + "\n  why: " + f.rule().why() + "\n  fix: " + f.fix();
    }
}
