package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/**
 * {@code uuid_generate_v4()} and {@code CREATE EXTENSION "uuid-ossp"} (guide: "UUID Extension Error"): a warning, since
 * the extension works wherever it is installed. Looks at the statement and at the code of DO blocks and functions,
 * which runs too; never inside strings or comments.
 */
final class UuidOsspRule extends StatementRule {
    UuidOsspRule() {
        super("uuid-ossp", Severity.WARNING,
                "the migrations guide asks for gen_random_uuid() (built into PostgreSQL 13 and later, no extension"
                        + " needed), since on the hardened PostgreSQL it describes the uuid-ossp extension failed with"
                        + " \"permission denied for function pg_read_file\"; where the extension is installed (Supabase"
                        + " has it in the extensions schema) these statements work",
                "use gen_random_uuid(), built into PostgreSQL 13 and later, and drop CREATE EXTENSION \"uuid-ossp\"");
    }

    @Override
    void check(SourceFile file, LintStatement statement, PrecedingDrops drops, List<Finding> out) {
        if (!statement.mentions("uuid_generate_v") && !statement.mentions("uuid-ossp")) {
            return;
        }
        for (List<SqlToken> code : statement.code()) {
            check(file, statement, code, out);
        }
    }

    private void check(SourceFile file, LintStatement statement, List<SqlToken> t, List<Finding> out) {
        for (int i = 0; i < t.size(); i++) {
            SqlToken token = t.get(i);
            if (token.kind() == SqlToken.Kind.WORD && token.name().startsWith("uuid_generate_v")
                    && i + 1 < t.size() && t.get(i + 1).isSymbol('(')) {
                boolean v4 = token.name().equals("uuid_generate_v4");
                out.add(at(file, statement, token.offset(), token.text() + "() comes from the uuid-ossp extension",
                        v4 ? fix() : "gen_random_uuid() gives random (v4) ids; for time- or name-based ids,"
                                + " compute them without uuid-ossp"));
            } else if (Tokens.wordsAt(t, i, "CREATE", "EXTENSION")) {
                NameRef name = NameRef.at(t, Tokens.skip(t, i + 2, "IF", "NOT", "EXISTS"));
                if (name != null && name.name().equals("uuid-ossp")) {
                    out.add(at(file, statement, token.offset(), "CREATE EXTENSION \"uuid-ossp\""));
                }
            }
        }
    }
}
