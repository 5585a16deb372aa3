package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;
import java.util.Locale;

/**
 * {@code CREATE FUNCTION/PROCEDURE/VIEW/TRIGGER} without {@code OR REPLACE}, unless a {@code DROP … IF EXISTS} of the
 * same object comes first in the file (the way to change a function's result type or a view's columns).
 */
final class OrReplaceRule extends StatementRule {
    OrReplaceRule() {
        super("or-replace", Severity.WARNING,
                "it fails with \"already exists\" when the object is there, where OR REPLACE would update it in place",
                "write CREATE OR REPLACE …");
    }

    @Override
    void check(SourceFile file, LintStatement statement, PrecedingDrops drops, List<Finding> out) {
        if (!statement.startsWith("CREATE") || statement.startsWith("CREATE", "OR", "REPLACE")) {
            return;
        }
        List<SqlToken> t = statement.tokens();
        int i = Tokens.skipAny(t, 1, "CONSTRAINT", "RECURSIVE");
        if (Tokens.skipAny(t, i, "FUNCTION", "PROCEDURE", "VIEW", "TRIGGER") == i) {
            return;
        }
        String kind = t.get(i).name();
        NameRef name = NameRef.at(t, i + 1);
        if (name == null) {
            return;
        }
        NameRef table = null;
        if (kind.equals("trigger")) {
            int on = Tokens.indexOfWord(t, name.next(), "ON");
            table = on < 0 ? null : NameRef.at(t, on + 1);
        }
        if (drops.dropped(kind, name, table)) {
            return;
        }
        String keyword = kind.toUpperCase(Locale.ROOT);
        String drop = "DROP " + keyword + " IF EXISTS " + name + (table == null ? "" : " ON " + table);
        out.add(at(file, statement, 0, "CREATE " + keyword + " " + name + " without OR REPLACE",
                "write CREATE OR REPLACE " + keyword + (kind.equals("trigger") ? " (PostgreSQL 14 and later)" : "")
                        + ", or put " + drop + "; before it"
                        + (kind.equals("function") ? " when its arguments or result type change" : "")));
    }
}
