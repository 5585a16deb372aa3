package ai.pmoves.engine.tap;

import ai.pmoves.engine.tap.TapLine.Directive;
import java.util.List;

/**
 * One test of a pgTAP file: one {@code ok} or {@code not ok} line, with the diagnostics the same statement printed after
 * it, and the file line of that statement.
 *
 * @param number      the number pgTAP gave it (its place in the file when the line had none)
 * @param description the description, empty when none
 * @param reason      the SKIP or TODO explanation, empty when none
 * @param diagnostics the {@code #} lines (and server notices) that followed it in its statement's output
 * @param line        the file line of the statement that printed it
 * @param nanos       the time from the previous statement's end to this statement's end, for its first test; 0 for
 *                    the others of that statement
 */
public record Assertion(int number, boolean ok, String description, Directive directive, String reason,
                        List<String> diagnostics, int line, long nanos) {

    public Assertion {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A failure: {@code not ok}, unless TODO (an expected failure, as TAP has it). */
    public boolean failed() {
        return !ok && directive != Directive.TODO;
    }

    /** Skipped ({@code # SKIP}), or an expected failure ({@code not ok … # TODO}), which is reported as skipped. */
    public boolean skipped() {
        return directive == Directive.SKIP || !ok && directive == Directive.TODO;
    }

    /** {@code ok 3 - description # TODO why}, as the line read. */
    public String tapLine() {
        return (ok ? "ok " : "not ok ") + number + (description.isEmpty() ? "" : " - " + description)
                + (directive == Directive.NONE ? "" : " # " + directive + (reason.isEmpty() ? "" : " " + reason));
    }
}
