package ai.pmoves.engine.lint;

import ai.pmoves.engine.locks.StatementLocks;
import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/** {@code ADD COLUMN … DEFAULT} a volatile function, on a table the file did not create. */
final class VolatileDefaultRule extends AlterTableHazardRule {
    VolatileDefaultRule() {
        super("volatile-default",
                "a volatile default (clock_timestamp(), gen_random_uuid(), random(), nextval()) has a value per row, so"
                        + " PostgreSQL writes every row anew while it holds AccessExclusiveLock on the table",
                "add the column without a default (or with a constant one), then SET DEFAULT for new rows and fill the"
                        + " existing ones in batches");
    }

    @Override
    Finding check(SourceFile file, LintStatement statement, NameRef table, List<SqlToken> t, int start, int end,
                  Seen seen) {
        if (!Tokens.wordsAt(t, start, "ADD")
                || Tokens.skipAny(t, start + 1, "CONSTRAINT", "CHECK", "UNIQUE", "PRIMARY", "FOREIGN", "EXCLUDE")
                > start + 1) {
            return null;
        }
        int dflt = Tokens.indexOfWord(t, start, "DEFAULT");
        int call = dflt < 0 || dflt >= end ? -1 : StatementLocks.volatileCall(t, dflt + 1, end);
        if (call < 0) {
            return null;
        }
        return at(file, statement, t.get(call).offset(), "ADD COLUMN on " + table + " with the volatile default "
                + t.get(call).name() + "(): the table is rewritten while every query on it waits");
    }
}
