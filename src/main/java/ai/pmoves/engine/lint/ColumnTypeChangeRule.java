package ai.pmoves.engine.lint;

import ai.pmoves.engine.locks.StatementLocks;
import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/**
 * {@code ALTER COLUMN … TYPE} that rewrites the table, on a table the file did not create. A change to {@code text}
 * or {@code varchar}, binary-coercible from the usual {@code varchar(n)}, does not count.
 */
final class ColumnTypeChangeRule extends AlterTableHazardRule {
    ColumnTypeChangeRule() {
        super("column-type-change",
                "changing a column's type writes every row anew (and rebuilds the table's indexes) while it holds"
                        + " AccessExclusiveLock on the table",
                "add a column of the new type, fill it in batches and keep it in step (a trigger), move the readers,"
                        + " then drop the old column in a later release; varchar(n) to text or to a larger n needs no"
                        + " rewrite");
    }

    @Override
    Finding check(SourceFile file, LintStatement statement, NameRef table, List<SqlToken> t, int start, int end,
                  Seen seen) {
        NameRef column = alteredColumn(t, start);
        if (column == null) {
            return null;
        }
        int i = column.next();
        int type = Tokens.wordsAt(t, i, "TYPE") ? i + 1 : Tokens.wordsAt(t, i, "SET", "DATA", "TYPE") ? i + 3 : -1;
        if (type < 0 || !StatementLocks.typeChangeRewrites(t, type, end)) {
            return null;
        }
        return atAction(file, statement, t, start, "ALTER COLUMN " + column.name() + " TYPE on " + table
                + " rewrites the table while every query on it waits");
    }
}
