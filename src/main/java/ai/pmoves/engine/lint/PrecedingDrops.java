package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code DROP <kind> IF EXISTS} statements seen so far in one file, walked in order: a {@code CREATE} that
 * cannot say {@code IF NOT EXISTS} or {@code OR REPLACE} is safe to run again when one of them came first.
 */
final class PrecedingDrops {
    private record Dropped(String kind, NameRef name, NameRef table) {
    }

    private final List<Dropped> dropped = new ArrayList<>();

    /**
     * Records the objects a statement drops: {@code DROP POLICY|TRIGGER IF EXISTS name ON table}, or
     * {@code DROP FUNCTION|PROCEDURE|VIEW IF EXISTS name [(args)] [, …]}.
     */
    void see(LintStatement statement) {
        if (!statement.startsWith("DROP")) {
            return;
        }
        List<SqlToken> t = statement.tokens();
        if (t.size() < 5) {
            return;
        }
        String kind = t.get(1).name();
        if (!Tokens.wordsAt(t, 2, "IF", "EXISTS")) {
            return;
        }
        int i = 4;
        while (true) {
            NameRef name = NameRef.at(t, i);
            if (name == null) {
                return;
            }
            i = name.next();
            NameRef table = null;
            if (Tokens.wordsAt(t, i, "ON")) {
                table = NameRef.at(t, i + 1);
                i = table == null ? i + 1 : table.next();
            }
            dropped.add(new Dropped(kind, name, table));
            i = skipParentheses(t, i);
            if (i >= t.size() || !t.get(i).isSymbol(',')) {
                return;
            }
            i++;
        }
    }

    /** Whether {@code DROP <kind> IF EXISTS name [ON table]} came before, {@code kind} in lower case. */
    boolean dropped(String kind, NameRef name, NameRef table) {
        for (Dropped d : dropped) {
            if (d.kind().equals(kind) && d.name().sameObject(name)
                    && (table == null || d.table() == null || d.table().sameObject(table))) {
                return true;
            }
        }
        return false;
    }

    /** The index after a parenthesized group at {@code i} (a function's argument types), or {@code i}. */
    static int skipParentheses(List<SqlToken> t, int i) {
        if (i >= t.size() || !t.get(i).isSymbol('(')) {
            return i;
        }
        int depth = 0;
        for (int j = i; j < t.size(); j++) {
            if (t.get(j).isSymbol('(')) {
                depth++;
            } else if (t.get(j).isSymbol(')') && --depth == 0) {
                return j + 1;
            }
        }
        return t.size();
    }
}
