package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TABLE t ENABLE ROW LEVEL SECURITY} where no file creates a policy on {@code t}. Policies count wherever
 * they are created, DO blocks and functions included (the guarded {@code IF NOT EXISTS (… pg_policies …)} form).
 */
final class RlsWithoutPolicyRule extends Rule {
    RlsWithoutPolicyRule() {
        super("rls-without-policy", Severity.WARNING,
                "with row level security on and no policy, every row is hidden from every role but the owner and"
                        + " BYPASSRLS roles: through the API (anon, authenticated) the table is empty",
                "add a policy (DROP POLICY IF EXISTS …; CREATE POLICY … ON <table> …), or if the table is meant to be"
                        + " closed to the API, turn this rule off (rules=rls-without-policy)");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        List<NameRef> policyTables = new ArrayList<>();
        for (SourceFile file : files.files()) {
            for (LintStatement statement : file.statements()) {
                if (!statement.mentions("policy")) {
                    continue;
                }
                for (List<SqlToken> code : statement.code()) {
                    for (int i = 0; i < code.size(); i++) {
                        PolicyRef policy = PolicyRef.created(code, i);
                        if (policy != null) {
                            policyTables.add(policy.table());
                        }
                    }
                }
            }
        }
        for (SourceFile file : files.files()) {
            for (LintStatement statement : file.statements()) {
                if (!statement.startsWith("ALTER", "TABLE")) {
                    continue;
                }
                List<SqlToken> t = statement.tokens();
                NameRef table = NameRef.at(t, Tokens.skip(t, Tokens.skip(t, 2, "IF", "EXISTS"), "ONLY"));
                int enable = enableRowLevelSecurity(t);
                if (table != null && enable > 0 && policyTables.stream().noneMatch(table::sameObject)) {
                    out.add(at(file, statement, t.get(enable).offset(), "row level security is enabled on " + table
                                    + ", and no file creates a policy on it",
                            "add a policy: DROP POLICY IF EXISTS read_" + table.name() + " ON " + table
                                    + "; CREATE POLICY read_" + table.name() + " ON " + table + " FOR SELECT USING (…);"
                                    + " or, if the table is meant to be closed to the API, turn this rule off"
                                    + " (rules=rls-without-policy)"));
                }
            }
        }
    }

    /** The index of {@code ENABLE ROW LEVEL SECURITY} among an ALTER TABLE's actions, or -1. */
    private static int enableRowLevelSecurity(List<SqlToken> t) {
        for (int i = 2; i < t.size(); i++) {
            if (Tokens.wordsAt(t, i, "ENABLE", "ROW", "LEVEL", "SECURITY")) {
                return i;
            }
        }
        return -1;
    }
}
