package ai.pmoves.engine.lint;

import java.util.List;

/** A file that cannot be read or split into statements: an unterminated quote or comment, a psql meta-command, not UTF-8. */
final class SyntaxRule extends Rule {
    SyntaxRule() {
        super("syntax", Severity.ERROR,
                "the file cannot be split into statements, so no goal can run it",
                "see the message: it says what to add or remove");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        for (SourceFile file : files.files()) {
            if (file.readError() != null) {
                out.add(new Finding(this, file.displayName(), file.errorLine(), file.errorColumn(), file.readError(),
                        fix()));
            }
        }
    }
}
