package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/** {@code ADD FOREIGN KEY} or {@code ADD CHECK} without {@code NOT VALID} on a table the file did not create. */
final class ConstraintNotValidRule extends AlterTableHazardRule {
    ConstraintNotValidRule() {
        super("constraint-not-valid",
                "adding a foreign key or a check reads every row to validate it while it holds its lock: a foreign"
                        + " key's ShareRowExclusiveLock on both tables stops their writes, a check's AccessExclusiveLock"
                        + " stops everything",
                "add it NOT VALID (only new rows are checked, at once), then ALTER TABLE … VALIDATE CONSTRAINT in a"
                        + " later migration, which takes ShareUpdateExclusiveLock and lets reads and writes go on");
    }

    @Override
    Finding check(SourceFile file, LintStatement statement, NameRef table, List<SqlToken> t, int start, int end,
                  Seen seen) {
        int i = afterAddConstraint(t, start);
        boolean foreignKey = Tokens.wordsAt(t, i, "FOREIGN", "KEY");
        if (i < 0 || !foreignKey && !Tokens.wordsAt(t, i, "CHECK") || notValid(t, i, end)) {
            return null;
        }
        return atAction(file, statement, t, start, "ADD " + (foreignKey ? "FOREIGN KEY" : "CHECK") + " on " + table
                + " without NOT VALID: every row is read to validate it while " + (foreignKey
                ? "writes to both tables wait" : "every query on " + table + " waits"));
    }

    private static boolean notValid(List<SqlToken> t, int from, int end) {
        for (int k = from; k + 1 < end; k++) {
            if (Tokens.wordsAt(t, k, "NOT", "VALID")) {
                return true;
            }
        }
        return false;
    }
}
