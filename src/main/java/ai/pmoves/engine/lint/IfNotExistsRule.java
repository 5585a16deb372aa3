package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/**
 * {@code CREATE TABLE/SCHEMA/INDEX/SEQUENCE/EXTENSION/MATERIALIZED VIEW/FOREIGN TABLE} without {@code IF NOT EXISTS}
 * (guide: best practice 1, "Schema Already Exists"), and {@code CREATE TYPE}, which PostgreSQL cannot guard that way.
 * Temporary objects are left alone: they never outlive the session.
 */
final class IfNotExistsRule extends StatementRule {
    IfNotExistsRule() {
        super("if-not-exists", Severity.WARNING,
                "it fails with \"already exists\" when the object is there (the database was built another way, or"
                        + " the file runs again), and stops the run",
                "write CREATE … IF NOT EXISTS");
    }

    @Override
    void check(SourceFile file, LintStatement statement, PrecedingDrops drops, List<Finding> out) {
        if (!statement.startsWith("CREATE")) {
            return;
        }
        List<SqlToken> t = statement.tokens();
        int i = Tokens.skipAny(t, 1, "GLOBAL", "LOCAL");
        if (Tokens.skipAny(t, i, "TEMP", "TEMPORARY") > i) {
            return;
        }
        i = Tokens.skip(t, i, "UNLOGGED");
        int index = Tokens.skip(t, i, "UNIQUE");
        if (Tokens.wordsAt(t, index, "INDEX")) {
            checkIndex(file, statement, i, index + 1, out);
            return;
        }
        String object;
        int after;
        if (Tokens.wordsAt(t, i, "MATERIALIZED", "VIEW") || Tokens.wordsAt(t, i, "FOREIGN", "TABLE")) {
            object = keywords(t, i, i + 2);
            after = i + 2;
        } else if (Tokens.wordsAt(t, i, "TYPE")) {
            NameRef type = NameRef.at(t, i + 1);
            out.add(at(file, statement, 0, "CREATE TYPE " + type + ": PostgreSQL has no CREATE TYPE IF NOT EXISTS",
                    "guard it: DO $$ BEGIN CREATE TYPE " + type + " …; EXCEPTION WHEN duplicate_object THEN NULL;"
                            + " END $$;"));
            return;
        } else if (Tokens.skipAny(t, i, "TABLE", "SCHEMA", "SEQUENCE", "EXTENSION") > i) {
            object = keywords(t, i, i + 1);
            after = i + 1;
        } else {
            return;
        }
        if (!Tokens.wordsAt(t, after, "IF", "NOT", "EXISTS")) {
            NameRef name = NameRef.at(t, after);
            String named = name == null ? "" : " " + name;
            out.add(at(file, statement, 0, "CREATE " + object + named + " without IF NOT EXISTS",
                    "write CREATE " + object + " IF NOT EXISTS" + named));
        }
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON …}: IF NOT EXISTS needs a name. */
    private void checkIndex(SourceFile file, LintStatement statement, int first, int afterIndex, List<Finding> out) {
        List<SqlToken> t = statement.tokens();
        int i = Tokens.skip(t, afterIndex, "CONCURRENTLY");
        if (Tokens.wordsAt(t, i, "IF", "NOT", "EXISTS")) {
            return;
        }
        String create = "CREATE " + keywords(t, first, i);
        if (Tokens.wordsAt(t, i, "ON")) {
            out.add(at(file, statement, 0, create + " without a name, so without IF NOT EXISTS",
                    "name the index and guard it: " + create + " IF NOT EXISTS idx_<table>_<columns> ON …"));
            return;
        }
        NameRef name = NameRef.at(t, i);
        out.add(at(file, statement, 0, create + " " + name + " without IF NOT EXISTS",
                "write " + create + " IF NOT EXISTS " + name));
    }

    /** Tokens {@code from} to {@code to} (exclusive) as upper-case keywords: {@code MATERIALIZED VIEW}. */
    private static String keywords(List<SqlToken> t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            sb.append(k == from ? "" : " ").append(t.get(k).text().toUpperCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }
}
