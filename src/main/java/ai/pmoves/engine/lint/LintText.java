package ai.pmoves.engine.lint;

import ai.pmoves.engine.Counted;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as log lines, grouped by rule, errors first: the rule's id, severity, count and why once, then each
 * finding's place and message (a warning's first few only, so a hundred hints do not bury a real finding), then the
 * fix (once for the group when every finding shares the rule's fix, else under each finding).
 */
public final class LintText {
    /** Warnings of one rule listed in the log; validate.json lists them all. */
    static final int WARNINGS_SHOWN = 5;

    /**
     * One line of the report.
     *
     * @param severity the level to log it at: that of its rule's findings, or null for a summary line
     * @param text     the line
     */
    public record Line(Severity severity, String text) {
    }

    private LintText() {
    }

    public static List<Line> lines(LintReport report) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(null, "Validated " + files(report) + " with " + report.rules().size() + " rules"
                + (report.disabled().isEmpty() ? "" : " (turned off: " + String.join(", ", report.disabled()) + ")")
                + "."));
        List<String> warningCounts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            for (Rule rule : report.rules()) {
                List<Finding> found = report.findings().stream().filter(f -> f.rule() == rule).toList();
                if (rule.severity() == s && !found.isEmpty()) {
                    group(rule, found, lines);
                    if (s == Severity.WARNING) {
                        warningCounts.add(rule.id() + " " + found.size());
                    }
                }
            }
        }
        int errors = report.count(Severity.ERROR);
        int warnings = report.count(Severity.WARNING);
        lines.add(new Line(null, errors + warnings == 0 ? "No findings."
                : plural(errors, "error") + ", " + plural(warnings, "warning")
                + (warningCounts.isEmpty() ? "" : " (" + String.join(", ", warningCounts) + ")") + "."));
        return lines;
    }

    private static void group(Rule rule, List<Finding> found, List<Line> lines) {
        Severity s = rule.severity();
        lines.add(new Line(s, rule.id() + " (" + s.label() + ", " + plural(found.size(), "finding") + "): " + rule.why()));
        boolean sameFix = found.stream().allMatch(f -> f.fix().equals(rule.fix()));
        int shown = s == Severity.ERROR ? found.size() : Math.min(found.size(), WARNINGS_SHOWN);
        for (Finding f : found.subList(0, shown)) {
            lines.add(new Line(s, "  " + f.location() + "  " + f.message()));
            if (!sameFix) {
                lines.add(new Line(s, "      fix: " + f.fix()));
            }
        }
        if (shown < found.size()) {
            lines.add(new Line(s, "  … and " + (found.size() - shown) + " more (validate.json lists every finding)"));
        }
        if (sameFix) {
            lines.add(new Line(s, "  fix: " + rule.fix()));
        }
    }

    private static String files(LintReport report) {
        List<String> parts = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            if (kind != SourceKind.DEFINITION || report.count(kind) > 0) { // most projects have none
                parts.add(plural(report.count(kind), kind.noun()));
            }
        }
        return plural(report.files().size(), "SQL file") + " (" + String.join(", ", parts) + ")";
    }

    static String plural(int n, String noun) {
        return Counted.of(n, noun);
    }
}
