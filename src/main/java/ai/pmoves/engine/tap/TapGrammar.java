package ai.pmoves.engine.tap;

import ai.pmoves.engine.tap.TapLine.BailOut;
import ai.pmoves.engine.tap.TapLine.Diagnostic;
import ai.pmoves.engine.tap.TapLine.Directive;
import ai.pmoves.engine.tap.TapLine.Other;
import ai.pmoves.engine.tap.TapLine.Plan;
import ai.pmoves.engine.tap.TapLine.Test;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The line grammar of TAP, as TAP::Parser (pg_prove's parser) has it. TAP is pgTAP's output, not SQL. */
final class TapGrammar {
    /** {@code 1..N} and what may follow it; anything else after a plan other than 1..0 makes it no plan. */
    private static final Pattern PLAN = Pattern.compile("^1\\.\\.(\\d+)\\s*(.*)$");
    /** The explanation of a {@code 1..0} plan. */
    private static final Pattern SKIP_ALL = Pattern.compile("^#\\s*SKIP\\S*\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEST = Pattern.compile("^(not )?ok\\b\\s*(\\d+)?\\s*(.*)$");
    /** A directive: at the first {@code #} not escaped by a backslash, and only when SKIP or TODO follows it. */
    private static final Pattern DIRECTIVE = Pattern.compile("^([^\\\\#]*(?:\\\\.[^\\\\#]*)*)#\\s*(SKIP|TODO)\\b\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BAIL_OUT = Pattern.compile("^Bail out!\\s*(.*)$");

    /** Reads one line of output (without its line end). */
    static TapLine parse(String line) {
        Matcher plan = PLAN.matcher(line);
        if (plan.matches()) {
            return plan(line, plan);
        }
        Matcher test = TEST.matcher(line);
        if (test.matches()) {
            String description = test.group(3);
            Directive directive = Directive.NONE;
            String reason = "";
            Matcher d = DIRECTIVE.matcher(description);
            if (d.matches()) {
                description = d.group(1);
                directive = Directive.valueOf(d.group(2).toUpperCase(Locale.ROOT));
                reason = d.group(3).trim();
            }
            description = description.trim();
            if (description.startsWith("-")) {
                description = description.substring(1).trim();
            }
            return new Test(test.group(1) == null, test.group(2) == null ? 0 : parseCount(test.group(2)), description,
                    directive, reason);
        }
        Matcher bail = BAIL_OUT.matcher(line);
        if (bail.matches()) {
            return new BailOut(bail.group(1).trim());
        }
        if (line.startsWith("#")) {
            String text = line.substring(1);
            return new Diagnostic(text.startsWith(" ") ? text.substring(1) : text);
        }
        return new Other(line);
    }

    private static TapLine plan(String line, Matcher plan) {
        int count = parseCount(plan.group(1));
        String tail = plan.group(2);
        if (count == 0) {
            Matcher skip = SKIP_ALL.matcher(tail);
            return new Plan(0, skip.matches() ? skip.group(1).trim() : "");
        }
        return tail.isBlank() ? new Plan(count, null) : new Other(line);
    }

    /** A count as written; one too large for an int reads as the largest (a plan no file can meet). */
    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private TapGrammar() {
    }
}
