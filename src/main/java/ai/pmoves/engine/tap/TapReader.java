package ai.pmoves.engine.tap;

import ai.pmoves.engine.tap.TapLine.BailOut;
import ai.pmoves.engine.tap.TapLine.Diagnostic;
import ai.pmoves.engine.tap.TapLine.Plan;
import ai.pmoves.engine.tap.TapLine.Test;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one file's TAP output as its statements print it: the rows of each statement (each value a line, or several),
 * then the notices the server sent while it ran. A diagnostic belongs to the test printed before it by the same
 * statement (pgTAP prints a failed test's details in the same value as its {@code not ok} line); any other is the
 * file's, such as {@code finish()}'s summary or a {@code CREATE EXTENSION}'s notice.
 */
public final class TapReader {
    private final List<String> problems = new ArrayList<>();
    private final List<String> fileDiagnostics = new ArrayList<>();
    private final List<String> output = new ArrayList<>();
    private Plan plan;
    private String bailOut;
    /** The file line of the statement running. */
    private int line;
    /** The test the next diagnostics of this statement belong to; null before its first test. */
    private Pending current;
    /** The statement's first test, which its time goes to; null until it prints one. */
    private Pending first;
    private final List<Pending> pending = new ArrayList<>();

    /** A statement of the file at {@code fileLine} starts: what it prints is its own. */
    public void statement(int fileLine) {
        line = fileLine;
        current = null;
        first = null;
    }

    /** One value a statement returned: a TAP line, or several separated by line ends. */
    public void print(String value) {
        for (String text : value.split("\r\n|\r|\n", -1)) {
            if (bailOut != null) {
                output.add(text); // after a Bail out! nothing counts
                continue;
            }
            output.add(text);
            read(TapLine.parse(text));
        }
    }

    /** A notice the server sent while the statement ran: a diagnostic, never read as TAP (psql prints it apart). */
    public void notice(String text) {
        output.add("# " + text);
        diagnostic(text);
    }

    /** The statement ended, {@code nanos} after the previous one: the time of its first test. */
    public void statementDone(long nanos) {
        if (first != null) {
            first.nanos = nanos;
        }
    }

    /** Whether a {@code Bail out!} was read: nothing more of this file or of the files after it runs. */
    public boolean bailedOut() {
        return bailOut != null;
    }

    /**
     * What the output says.
     *
     * @param complete whether the file ran to its end; when it stopped at an error, the plan is not checked (the
     *                 error is the failure, and the tests after it could not run)
     */
    public TapResult result(boolean complete) {
        List<String> all = new ArrayList<>(problems);
        if (complete && bailOut == null) {
            int ran = pending.size();
            if (plan == null) {
                all.add("no plan: the file printed no 1..N line. Call plan(N) before the tests, or no_plan() before"
                        + " them and finish() after them");
            } else if (plan.skipsAll() && ran > 0) {
                all.add("planned to skip every test (1..0) but ran " + ran);
            } else if (!plan.skipsAll() && plan.count() != ran) {
                all.add("planned " + plan.count() + " test" + (plan.count() == 1 ? "" : "s") + " but ran " + ran);
            }
        }
        List<Assertion> assertions = new ArrayList<>();
        for (Pending p : pending) {
            assertions.add(new Assertion(p.number, p.test.ok(), p.test.description(), p.test.directive(),
                    p.test.reason(), p.diagnostics, p.line, p.nanos));
        }
        return new TapResult(assertions, plan == null || plan.skipsAll() ? null : plan.count(),
                plan == null ? null : plan.skipReason(), bailOut, all, fileDiagnostics, output);
    }

    private void read(TapLine tap) {
        if (tap instanceof Test test) {
            int expected = pending.size() + 1;
            if (test.number() != 0 && test.number() != expected) {
                problems.add("test " + test.number() + " (line " + line + ") is out of sequence: expected test "
                        + expected);
            }
            current = new Pending(test, test.number() == 0 ? expected : test.number(), line);
            pending.add(current);
            if (first == null) {
                first = current;
            }
        } else if (tap instanceof Plan p) {
            if (plan != null) {
                problems.add("a second plan, 1.." + p.count() + " (line " + line + "), after 1.." + plan.count());
            } else {
                plan = p;
            }
        } else if (tap instanceof Diagnostic d) {
            diagnostic(d.text());
        } else if (tap instanceof BailOut b) {
            bailOut = b.reason();
        }
    }

    private void diagnostic(String text) {
        if (current != null) {
            current.diagnostics.add(text);
        } else {
            fileDiagnostics.add(text);
        }
    }

    /** A test read, whose diagnostics may still follow. */
    private static final class Pending {
        final Test test;
        final int number;
        final int line;
        final List<String> diagnostics = new ArrayList<>();
        long nanos;

        Pending(Test test, int number, int line) {
            this.test = test;
            this.number = number;
            this.line = line;
        }
    }
}
