package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/** {@code ADD UNIQUE} or {@code ADD PRIMARY KEY} without {@code USING INDEX} on a table the file did not create. */
final class UniqueWithoutIndexRule extends AlterTableHazardRule {
    UniqueWithoutIndexRule() {
        super("unique-without-index",
                "ADD UNIQUE or PRIMARY KEY builds its index while it holds AccessExclusiveLock on the table: no query"
                        + " on it runs until the index is built",
                "build the index first with CREATE UNIQUE INDEX CONCURRENTLY name ON table (…) in a migration of its"
                        + " own, then ADD CONSTRAINT c UNIQUE USING INDEX name (or PRIMARY KEY USING INDEX name)");
    }

    @Override
    Finding check(SourceFile file, LintStatement statement, NameRef table, List<SqlToken> t, int start, int end,
                  Seen seen) {
        int i = afterAddConstraint(t, start);
        boolean unique = Tokens.wordsAt(t, i, "UNIQUE");
        if (i < 0 || !unique && !Tokens.wordsAt(t, i, "PRIMARY", "KEY")) {
            return null;
        }
        int using = Tokens.indexOfWord(t, i, "USING");
        if (using >= 0 && using < end && Tokens.wordsAt(t, using, "USING", "INDEX")
                && !Tokens.wordsAt(t, using + 2, "TABLESPACE")) {
            return null;
        }
        return atAction(file, statement, t, start, "ADD " + (unique ? "UNIQUE" : "PRIMARY KEY") + " on " + table
                + " without USING INDEX: the index is built while every query on " + table + " waits");
    }
}
