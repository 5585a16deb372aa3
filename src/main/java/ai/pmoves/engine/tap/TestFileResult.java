package ai.pmoves.engine.tap;

/**
 * How one test file ran. Counted as its JUnit test suite counts its test cases: each assertion, plus one for a plan
 * that the tests do not match (a failure), one for the SQL error that stopped the file and one for a
 * {@code Bail out!} (errors), and one for a file that skips all its tests ({@code 1..0}).
 *
 * @param tap    what its output says
 * @param error  the SQL error that stopped it, or null
 * @param nanos  how long it took
 */
public record TestFileResult(TestFile file, TapResult tap, SqlError error, long nanos) {

    public int tests() {
        return tap.assertions().size() + (planFailed() ? 1 : 0) + errors() + (skippedAll() ? 1 : 0);
    }

    public int failures() {
        return (int) tap.failed() + (planFailed() ? 1 : 0);
    }

    public int errors() {
        return (error == null ? 0 : 1) + (tap.bailOut() == null ? 0 : 1);
    }

    public int skipped() {
        return (int) tap.skipped() + (skippedAll() ? 1 : 0);
    }

    /** Whether anything failed: an assertion, the plan, an error or a bail out. */
    public boolean failed() {
        return failures() + errors() > 0;
    }

    /** Whether the output as a whole is wrong: no plan, a plan the tests do not match, a test out of sequence. */
    public boolean planFailed() {
        return !tap.problems().isEmpty();
    }

    /** Whether the file skipped every test with a {@code 1..0} plan and ran none. */
    public boolean skippedAll() {
        return tap.skipAllReason() != null && tap.assertions().isEmpty();
    }
}
