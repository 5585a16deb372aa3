package ai.pmoves.engine.lint;

import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.script.TransactionRules;
import ai.pmoves.engine.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …) in a file with
 * other statements; or transaction control of a file's own (not a wrapper), which makes it run as written, not atomic. A file whose first line is {@code -- pmoves:no-transaction} chose that on purpose and is left alone.
 */
final class MixedTransactionRule extends Rule {
    /** The linter has no server to ask: it judges as a current PostgreSQL would (ALTER TYPE … ADD VALUE is fine). */
    private static final int CURRENT_POSTGRES = 17;

    MixedTransactionRule() {
        super("mixed-transaction", Severity.WARNING,
                "the whole file then runs statement by statement outside a transaction: if a later statement fails,"
                        + " the earlier ones stay applied and the migration is recorded as failed until pmoves:repair",
                "move it to a file of its own");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        for (SourceFile file : files.files()) {
            if (file.script() == null || file.script().noTransaction()) {
                continue;
            }
            SqlStatement control = TransactionRules.ownTransactionControl(file.script().statements());
            if (control != null) {
                LintStatement at = file.statements().stream().filter(st -> st.statement().offset() == control.offset()).findFirst()
                        .orElseThrow();
                out.add(at(file, at, 0, TransactionRules.describe(control) + " is transaction control of the file's"
                        + " own, not a wrapper (a BEGIN first, a COMMIT last): the file runs as written, as psql runs"
                        + " it, not atomic; if a statement fails, what committed before it stays and the file is"
                        + " recorded as failed until pmoves:repair", "keep it if the file needs it (COMMIT after ALTER"
                        + " TYPE … ADD VALUE, a block acting as another role); else drop it, or keep only a wrapper"));
                continue;
            }
            List<LintStatement> outside = new ArrayList<>();
            int statements = 0;
            for (LintStatement statement : file.statements()) {
                if (TransactionRules.isTransactionControl(statement.statement())) {
                    continue;
                }
                statements++;
                if (TransactionRules.nonTransactionalReason(statement.statement(), CURRENT_POSTGRES) != null) {
                    outside.add(statement);
                }
            }
            for (LintStatement statement : outside) {
                if (statements > 1) {
                    out.add(at(file, statement, 0, TransactionRules.nonTransactionalReason(statement.statement(),
                            CURRENT_POSTGRES) + " cannot run in a transaction, and the file holds " + (statements - 1)
                            + " other statement" + (statements == 2 ? "" : "s"),
                            "move it to a file of its own (its first line may be "
                                    + MigrationScript.NO_TRANSACTION_DIRECTIVE + " to say so)"));
                }
            }
        }
    }
}
