package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/**
 * {@code ALTER COLUMN … SET NOT NULL} with no validated {@code CHECK (col IS NOT NULL)} on the column before it (in
 * any earlier migration), on a table the file did not create. PostgreSQL 12 and later skip the scan when such a check
 * is there.
 */
final class SetNotNullRule extends AlterTableHazardRule {
    SetNotNullRule() {
        super("set-not-null",
                "SET NOT NULL reads every row to prove there is no null while it holds AccessExclusiveLock on the"
                        + " table: no query on it runs meanwhile",
                "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT c in a later migration (it"
                        + " lets reads and writes go on), then SET NOT NULL, which uses the check and reads nothing,"
                        + " and DROP CONSTRAINT c");
    }

    @Override
    Finding check(SourceFile file, LintStatement statement, NameRef table, List<SqlToken> t, int start, int end,
                  Seen seen) {
        NameRef column = alteredColumn(t, start);
        if (column == null || !Tokens.wordsAt(t, column.next(), "SET", "NOT", "NULL")
                || seen.validatedNotNull(table, column.name())) {
            return null;
        }
        return atAction(file, statement, t, start, "SET NOT NULL on " + table + "." + column.name()
                + " with no validated CHECK (" + column.name() + " IS NOT NULL) before it: every row is read while"
                + " every query on " + table + " waits");
    }
}
