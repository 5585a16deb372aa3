package ai.pmoves.engine.lint;

import java.util.List;

/**
 * What the linter found.
 *
 * @param files    every file it read, in run order
 * @param rules    the rules it ran
 * @param disabled the ids of the rules turned off
 * @param findings the findings, grouped by rule in {@link Rules#ALL} order, each group in file order
 */
public record LintReport(List<SourceFile> files, List<Rule> rules, List<String> disabled, List<Finding> findings) {

    /** How many findings have this severity. */
    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.rule().severity() == severity).count();
    }

    /** How many files of this kind were read. */
    public int count(SourceKind kind) {
        return (int) files.stream().filter(f -> f.kind() == kind).count();
    }
}
