package ai.pmoves.engine.tap;

/**
 * One line of TAP, the Test Anything Protocol that pgTAP's functions return as text ({@code plan(3)} returns
 * {@code 1..3}, {@code ok(…)} returns {@code ok 1 - description} with its diagnostics on the lines after it). Read as
 * pg_prove's parser (TAP::Parser) reads it: a line that is none of these is {@link Other}, kept but not counted.
 */
public sealed interface TapLine {

    /** What a test line's {@code # SKIP …} or {@code # TODO …} says about it. */
    enum Directive { NONE, SKIP, TODO }

    /**
     * {@code 1..N}; {@code 1..0 # SKIP why} skips the whole file.
     *
     * @param skipReason for {@code 1..0}: the reason given (empty when none); null for any other plan
     */
    record Plan(int count, String skipReason) implements TapLine {
        public boolean skipsAll() {
            return skipReason != null;
        }
    }

    /**
     * {@code ok 1 - description}, {@code not ok 2 - description # TODO why}, {@code ok 3 # SKIP why}.
     *
     * @param number      the test's number, or 0 when the line has none
     * @param description the description without its leading {@code - }; empty when none
     * @param reason      the directive's explanation; empty when none
     */
    record Test(boolean ok, int number, String description, Directive directive, String reason) implements TapLine {
    }

    /** {@code # text}: a diagnostic, as pgTAP's {@code diag()} and a failed test's details print them. */
    record Diagnostic(String text) implements TapLine {
    }

    /** {@code Bail out! why}: the run stops here, this file and every file after it. */
    record BailOut(String reason) implements TapLine {
    }

    /** Any other line (a query's own rows, {@code TAP version 13}, an indented subtest line). */
    record Other(String text) implements TapLine {
    }

    /** Reads one line of output (without its line end). */
    static TapLine parse(String line) {
        return TapGrammar.parse(line);
    }
}
