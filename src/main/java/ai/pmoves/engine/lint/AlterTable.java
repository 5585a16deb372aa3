package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, …]} read from a statement's tokens: the table and where
 * each action starts and ends, so that a rule judges the actions one by one.
 *
 * @param table   the table altered
 * @param actions each action as {start, end}: token indexes, the end exclusive (the comma or the statement's end)
 */
record AlterTable(NameRef table, List<int[]> actions) {

    /** The ALTER TABLE in {@code statement}, or null when it is none. */
    static AlterTable of(LintStatement statement) {
        if (!statement.startsWith("ALTER", "TABLE")) {
            return null;
        }
        List<SqlToken> t = statement.tokens();
        int i = Tokens.skip(t, Tokens.skip(t, 2, "IF", "EXISTS"), "ONLY");
        NameRef table = NameRef.at(t, i);
        if (table == null || table.name().equals("all") && Tokens.wordsAt(t, i + 1, "IN")) {
            return null; // ALTER TABLE ALL IN TABLESPACE
        }
        i = table.next() < t.size() && t.get(table.next()).isSymbol('*') ? table.next() + 1 : table.next();
        List<int[]> actions = new ArrayList<>();
        int depth = 0;
        int start = i;
        for (int k = i; k < t.size(); k++) {
            if (t.get(k).isSymbol('(')) {
                depth++;
            } else if (t.get(k).isSymbol(')')) {
                depth--;
            } else if (depth == 0 && t.get(k).isSymbol(',')) {
                actions.add(new int[] {start, k});
                start = k + 1;
            }
        }
        if (start < t.size()) {
            actions.add(new int[] {start, t.size()});
        }
        return new AlterTable(table, actions);
    }
}
