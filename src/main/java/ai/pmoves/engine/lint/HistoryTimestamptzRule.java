package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/**
 * A {@code timestamptz} ({@code timestamp with time zone}) column in {@code CREATE TABLE} or {@code ALTER TABLE} of a
 * table named {@code schema_migrations}, in any schema (guide: best practice 3, "Realtime Migration Error").
 */
final class HistoryTimestamptzRule extends StatementRule {
    private static final String TABLE = "schema_migrations";

    HistoryTimestamptzRule() {
        super("history-timestamptz", Severity.WARNING,
                "Realtime (Ecto) writes schema_migrations.inserted_at as timestamp(0) without time zone; a timestamptz"
                        + " column there breaks its migrations",
                "use timestamp without time zone (timestamp(0) for inserted_at)");
    }

    @Override
    void check(SourceFile file, LintStatement statement, PrecedingDrops drops, List<Finding> out) {
        if (!(statement.startsWith("CREATE") || statement.startsWith("ALTER", "TABLE"))
                || !statement.mentions(TABLE)) {
            return;
        }
        NameRef table = tableOf(statement.tokens());
        if (table != null && table.name().equals(TABLE)) {
            check(file, statement, table, out);
        }
    }

    /** The table of {@code CREATE [UNLOGGED] TABLE [IF NOT EXISTS] t} or {@code ALTER TABLE [IF EXISTS] [ONLY] t}. */
    private static NameRef tableOf(List<SqlToken> t) {
        if (Tokens.wordsAt(t, 0, "ALTER", "TABLE")) {
            return NameRef.at(t, Tokens.skip(t, Tokens.skip(t, 2, "IF", "EXISTS"), "ONLY"));
        }
        int i = Tokens.skip(t, 1, "UNLOGGED");
        if (Tokens.wordsAt(t, 0, "CREATE") && Tokens.wordsAt(t, i, "TABLE")) {
            return NameRef.at(t, Tokens.skip(t, i + 1, "IF", "NOT", "EXISTS"));
        }
        return null;
    }

    private void check(SourceFile file, LintStatement statement, NameRef table, List<Finding> out) {
        List<SqlToken> t = statement.tokens();
        for (int i = table.next(); i < t.size(); i++) {
            if (t.get(i).isWord("TIMESTAMPTZ") || t.get(i).isWord("TIMESTAMP")
                    && Tokens.wordsAt(t, PrecedingDrops.skipParentheses(t, i + 1), "WITH", "TIME", "ZONE")) {
                out.add(at(file, statement, t.get(i).offset(), "a timestamptz column on " + table));
            }
        }
    }
}
