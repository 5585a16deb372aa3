package ai.pmoves.engine.tap;

import java.util.List;

/**
 * How a run of the test files went.
 *
 * @param files   the files that ran, in order
 * @param notRun  the files a {@code Bail out!} kept from running
 */
public record TestRunResult(List<TestFileResult> files, List<TestFile> notRun) {

    public TestRunResult {
        files = List.copyOf(files);
        notRun = List.copyOf(notRun);
    }

    public int tests() {
        return files.stream().mapToInt(TestFileResult::tests).sum();
    }

    public int failures() {
        return files.stream().mapToInt(TestFileResult::failures).sum();
    }

    public int errors() {
        return files.stream().mapToInt(TestFileResult::errors).sum();
    }

    public int skipped() {
        return files.stream().mapToInt(TestFileResult::skipped).sum();
    }

    /** Whether anything failed, errored, or bailed out. */
    public boolean failed() {
        return failures() + errors() > 0 || !notRun.isEmpty();
    }

    /** {@code Tests run: 12, Failures: 1, Errors: 0, Skipped: 0}, as surefire counts. */
    public String counts() {
        return counts(tests(), failures(), errors(), skipped());
    }

    static String counts(int tests, int failures, int errors, int skipped) {
        return "Tests run: " + tests + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
    }
}
