package ai.pmoves.engine.lint;

import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lock hazards of a release plan, judged with the target's tables: validate's hazard rules and
 * {@code lock-timeout-unset} over the plan's migrations. A table the target does not have yet (made by the same file
 * or an earlier migration of the plan) is new, and no rule applies to it. A hazard on a table of more than
 * {@code largeTableRows} rows is an error that stops the plan; on a smaller one, a warning.
 */
public final class PlanHazards {
    private PlanHazards() {
    }

    /**
     * @param baseDirectory  the project directory, which the files' names are relative to
     * @param migrations     the migrations directory
     * @param rows           by planned file (as named from the project directory): the rows of the largest table of
     *                       each statement, by the statement's first line; -1 for a table the target does not have
     * @param unguarded      {@code file:line} of the statements that take AccessExclusiveLock on a table with rows
     *                       while no lock timeout is set
     * @param largeTableRows above this many rows, a hazard stops the plan
     * @param skipRules      the rules turned off, as for validate
     * @return the findings, in the planned files only, with the severity the table's size gives them
     */
    public static LintReport check(Path baseDirectory, ConfiguredDirectory migrations,
                                   Map<String, NavigableMap<Integer, Long>> rows, Set<String> unguarded,
                                   long largeTableRows, Set<String> skipRules) {
        Set<String> skipped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        skipped.addAll(skipRules);
        Rules.enabled(skipped); // an unknown id is an error naming the rules, as in validate
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            if (rule instanceof HazardRule && !skipped.contains(rule.id())) {
                rules.add(rule);
            }
        }
        if (!skipped.contains(LockTimeoutUnsetRule.ID)) {
            rules.add(new LockTimeoutUnsetRule(unguarded));
        }
        // every migration is read (with the lexer, no rule run), so that a CHECK an applied file validated is known;
        // findings count in the planned files only
        Set<String> none = new TreeSet<>(Rules.ALL.stream().map(Rule::id).toList());
        LintReport read = Linter.lint(LintOptions.of(baseDirectory, List.of(new SourceDirectory(SourceKind.MIGRATION,
                migrations, "migrationsDirectory"))).withDisabledRules(none));
        LintInput input = new LintInput(read.files(), false);
        List<Finding> found = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(input, found);
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding f : found) {
            NavigableMap<Integer, Long> file = rows.get(f.file());
            if (file == null) {
                continue; // applied already, or not in the plan
            }
            Map.Entry<Integer, Long> statement = file.floorEntry(f.line());
            long size = statement == null ? -1 : statement.getValue();
            if (size < 0) {
                continue; // a table the target does not have yet: new, and empty
            }
            findings.add(size > largeTableRows ? new Finding(new OnLargeTable(f.rule(), largeTableRows), f.file(),
                    f.line(), f.column(), f.message() + " (" + size + " rows)", f.fix()) : f);
        }
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line));
        List<SourceFile> planned = read.files().stream().filter(f -> rows.containsKey(f.displayName())).toList();
        return new LintReport(planned, List.copyOf(rules), List.copyOf(skipped), List.copyOf(findings));
    }

    /** A hazard on a table above largeTableRows: the same rule, as an error that stops the plan. */
    private static final class OnLargeTable extends Rule {
        OnLargeTable(Rule rule, long largeTableRows) {
            super(rule.id(), Severity.ERROR, rule.why() + "; on a table of more than " + largeTableRows + " rows"
                    + " (largeTableRows)", rule.fix());
        }

        @Override
        public void check(LintInput files, List<Finding> out) {
            // made by PlanHazards for one finding; it finds nothing by itself
        }
    }
}
