package ai.pmoves.engine.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as log lines, grouped by rule: the rule's id, severity and why once, then each finding's place and
 * message, then the fix (once for the group when every finding shares the rule's fix, else under each finding).
 */
public final class LintText {
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
        for (Rule rule : report.rules()) {
            List<Finding> found = report.findings().stream().filter(f -> f.rule() == rule).toList();
            if (found.isEmpty()) {
                continue;
            }
            Severity s = rule.severity();
            lines.add(new Line(s, rule.id() + " (" + s.label() + "): " + rule.why()));
            boolean sameFix = found.stream().allMatch(f -> f.fix().equals(rule.fix()));
            for (Finding f : found) {
                lines.add(new Line(s, "  " + f.location() + "  " + f.message()));
                if (!sameFix) {
                    lines.add(new Line(s, "      fix: " + f.fix()));
                }
            }
            if (sameFix) {
                lines.add(new Line(s, "  fix: " + rule.fix()));
            }
        }
        int errors = report.count(Severity.ERROR);
        int warnings = report.count(Severity.WARNING);
        lines.add(new Line(null, errors + warnings == 0 ? "No findings."
                : plural(errors, "error") + ", " + plural(warnings, "warning") + "."));
        return lines;
    }

    private static String files(LintReport report) {
        List<String> parts = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            parts.add(plural(report.count(kind), kind.noun()));
        }
        return plural(report.files().size(), "SQL file") + " (" + String.join(", ", parts) + ")";
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
