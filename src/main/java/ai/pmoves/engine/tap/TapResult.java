package ai.pmoves.engine.tap;

import java.util.List;

/**
 * What one file's TAP output says.
 *
 * @param assertions    its tests, in order
 * @param planned       the N of its {@code 1..N}, or null when it printed no plan
 * @param skipAllReason for a {@code 1..0 # SKIP why} plan: the reason (empty when none given); null otherwise
 * @param bailOut       the reason of a {@code Bail out!}, or null
 * @param problems      what is wrong with the output as a whole: no plan, a plan the tests do not match, a test out
 *                      of sequence; empty when nothing is
 * @param diagnostics   the {@code #} lines and notices that belong to no test (the file's own, such as
 *                      {@code finish()}'s summary)
 * @param output        every line, as psql would have printed the rows
 */
public record TapResult(List<Assertion> assertions, Integer planned, String skipAllReason, String bailOut,
                        List<String> problems, List<String> diagnostics, List<String> output) {

    public TapResult {
        assertions = List.copyOf(assertions);
        problems = List.copyOf(problems);
        diagnostics = List.copyOf(diagnostics);
        output = List.copyOf(output);
    }

    public long failed() {
        return assertions.stream().filter(Assertion::failed).count();
    }

    public long skipped() {
        return assertions.stream().filter(Assertion::skipped).count();
    }
}
