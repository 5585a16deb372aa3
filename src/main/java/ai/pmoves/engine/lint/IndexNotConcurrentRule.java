package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/** {@code CREATE INDEX} without {@code CONCURRENTLY} on a table the file did not create. */
final class IndexNotConcurrentRule extends HazardRule {
    IndexNotConcurrentRule() {
        super("index-not-concurrent",
                "CREATE INDEX takes ShareLock on the table: every INSERT, UPDATE and DELETE on it waits until the whole"
                        + " index is built",
                "CREATE INDEX CONCURRENTLY, alone in a migration of its own (it cannot run in a transaction; the"
                        + " plugin runs such a file outside one)");
    }

    @Override
    void check(SourceFile file, LintStatement statement, Seen seen, List<Finding> out) {
        if (!statement.startsWith("CREATE", "INDEX") && !statement.startsWith("CREATE", "UNIQUE", "INDEX")) {
            return;
        }
        List<SqlToken> t = statement.tokens();
        int after = Tokens.skip(t, 1, "UNIQUE") + 1;
        if (Tokens.wordsAt(t, after, "CONCURRENTLY")) {
            return;
        }
        int on = Tokens.indexOfWord(t, after, "ON");
        NameRef table = on < 0 ? null : NameRef.at(t, Tokens.skip(t, on + 1, "ONLY"));
        if (table != null && !seen.isNew(table)) {
            out.add(at(file, statement, 0, "CREATE INDEX on " + table + " without CONCURRENTLY: writes to "
                    + table + " wait while the index is built"));
        }
    }
}
