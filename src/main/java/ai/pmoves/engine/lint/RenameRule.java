package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/** {@code ALTER TABLE … RENAME [COLUMN] … TO} and {@code ALTER TABLE … RENAME TO} on a table the file did not create. */
final class RenameRule extends AlterTableHazardRule {
    RenameRule() {
        super("rename",
                "the clients already running (the API, the app's deployed version, PostgREST's schema cache) still use"
                        + " the old name and fail from the moment the migration commits",
                "expand and contract: add the new column or table, write to both (a trigger or the app), move the"
                        + " readers, and drop the old name in a later release");
    }

    @Override
    Finding check(SourceFile file, LintStatement statement, NameRef table, List<SqlToken> t, int start, int end,
                  Seen seen) {
        if (!Tokens.wordsAt(t, start, "RENAME") || Tokens.wordsAt(t, start + 1, "CONSTRAINT")) {
            return null;
        }
        if (Tokens.wordsAt(t, start + 1, "TO")) {
            return atAction(file, statement, t, start, "RENAME of the table " + table
                    + ": clients that use the old name break");
        }
        NameRef column = NameRef.at(t, Tokens.skip(t, start + 1, "COLUMN"));
        return atAction(file, statement, t, start, "RENAME of the column " + (column == null ? "?" : column.name())
                + " of " + table + ": clients that use the old name break");
    }
}
