package ai.pmoves.engine.lint;

import java.util.List;

/** {@code CREATE POLICY p ON t} with no {@code DROP POLICY IF EXISTS p ON t} before it in the same file. */
final class DropPolicyFirstRule extends StatementRule {
    DropPolicyFirstRule() {
        super("drop-policy-first", Severity.WARNING,
                "PostgreSQL has no CREATE POLICY IF NOT EXISTS: it fails with \"policy … already exists\" when the"
                        + " policy is there",
                "put DROP POLICY IF EXISTS <policy> ON <table>; just before it");
    }

    @Override
    void check(SourceFile file, LintStatement statement, PrecedingDrops drops, List<Finding> out) {
        PolicyRef policy = statement.startsWith("CREATE", "POLICY") ? PolicyRef.created(statement.tokens(), 0) : null;
        if (policy != null && !drops.dropped("policy", policy.name(), policy.table())) {
            out.add(at(file, statement, 0, "CREATE POLICY " + policy.name() + " ON " + policy.table()
                            + " with no DROP POLICY IF EXISTS before it",
                    "put DROP POLICY IF EXISTS " + policy.name() + " ON " + policy.table() + "; just before it"));
        }
    }
}
