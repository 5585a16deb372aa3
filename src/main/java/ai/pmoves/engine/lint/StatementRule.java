package ai.pmoves.engine.lint;

import java.util.List;

/**
 * A rule that judges one statement at a time, knowing which objects its file dropped {@code IF EXISTS} before it.
 */
abstract class StatementRule extends Rule {
    StatementRule(String id, Severity severity, String why, String fix) {
        super(id, severity, why, fix);
    }

    @Override
    public final void check(LintInput files, List<Finding> out) {
        for (SourceFile file : files.files()) {
            PrecedingDrops drops = new PrecedingDrops();
            for (LintStatement statement : file.statements()) {
                drops.see(statement);
                check(file, statement, drops, out);
            }
        }
    }

    /** Adds a finding to {@code out} for every problem of this statement. */
    abstract void check(SourceFile file, LintStatement statement, PrecedingDrops drops, List<Finding> out);
}
