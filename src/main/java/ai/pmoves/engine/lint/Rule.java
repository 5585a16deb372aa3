package ai.pmoves.engine.lint;

import java.util.List;

/**
 * One check of the guide's best practices or troubleshooting: an id to turn it off by, a severity, a one-line why
 * and the usual fix. Subclasses look at the files and add a {@link Finding} per problem.
 */
public abstract class Rule {
    private final String id;
    private final Severity severity;
    private final String why;
    private final String fix;

    protected Rule(String id, Severity severity, String why, String fix) {
        this.id = id;
        this.severity = severity;
        this.why = why;
        this.fix = fix;
    }

    /** The id that names the rule in reports and in {@code rules} (to turn it off). */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** Why it matters, in one line: what goes wrong. */
    public String why() {
        return why;
    }

    /** The usual fix. */
    public String fix() {
        return fix;
    }

    /** Adds to {@code out} a finding for every problem of this kind in {@code files}. */
    public abstract void check(LintInput files, List<Finding> out);

    /** A finding at a token of a statement, with the rule's own fix. */
    protected Finding at(SourceFile file, LintStatement statement, int offsetInStatement, String message) {
        return at(file, statement, offsetInStatement, message, fix);
    }

    /** A finding at a token of a statement, with a fix made for this case. */
    protected Finding at(SourceFile file, LintStatement statement, int offsetInStatement, String message,
                         String specificFix) {
        int[] lc = file.lineAndColumn(statement.statement(), offsetInStatement);
        return new Finding(this, file.displayName(), lc[0], lc[1], message, specificFix);
    }

    /** A finding about a file as a whole (its name). */
    protected Finding about(SourceFile file, String message, String specificFix) {
        return new Finding(this, file.displayName(), 0, 0, message, specificFix);
    }
}
