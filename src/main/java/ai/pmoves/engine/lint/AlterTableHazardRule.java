package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/** A hazard of one action of {@code ALTER TABLE} on a table the file did not create, judged action by action. */
abstract class AlterTableHazardRule extends HazardRule {
    AlterTableHazardRule(String id, String why, String fix) {
        super(id, why, fix);
    }

    @Override
    final void check(SourceFile file, LintStatement statement, Seen seen, List<Finding> out) {
        AlterTable alter = AlterTable.of(statement);
        if (alter == null || seen.isNew(alter.table())) {
            return;
        }
        for (int[] action : alter.actions()) {
            Finding f = check(file, statement, alter.table(), statement.tokens(), action[0], action[1], seen);
            if (f != null) {
                out.add(f);
            }
        }
    }

    /**
     * The finding for the action of tokens {@code start} to {@code end} (exclusive) altering {@code table}, or null.
     */
    abstract Finding check(SourceFile file, LintStatement statement, NameRef table, List<SqlToken> t, int start,
                           int end, Seen seen);

    /** A finding at the action's first token. */
    Finding atAction(SourceFile file, LintStatement statement, List<SqlToken> t, int start, String message) {
        return at(file, statement, t.get(start).offset(), message);
    }

    /** The column of {@code ALTER [COLUMN] [IF EXISTS] name …} at {@code start}, or null when the action is not one. */
    static NameRef alteredColumn(List<SqlToken> t, int start) {
        if (!Tokens.wordsAt(t, start, "ALTER")) {
            return null;
        }
        return NameRef.at(t, Tokens.skip(t, Tokens.skip(t, start + 1, "COLUMN"), "IF", "EXISTS"));
    }

    /** The index after {@code ADD [CONSTRAINT name]} at {@code start}, or -1 when the action adds no constraint there. */
    static int afterAddConstraint(List<SqlToken> t, int start) {
        if (!Tokens.wordsAt(t, start, "ADD")) {
            return -1;
        }
        return Tokens.wordsAt(t, start + 1, "CONSTRAINT") ? start + 3 : start + 1;
    }
}
