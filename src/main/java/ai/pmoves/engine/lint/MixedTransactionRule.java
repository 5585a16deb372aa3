package ai.pmoves.engine.lint;

import ai.pmoves.engine.apply.TransactionRules;
import ai.pmoves.engine.migration.MigrationScript;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement that cannot run in a transaction ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …) in a file with
 * other statements. A file whose first line is {@code -- pmoves:no-transaction} chose that on purpose and is left alone.
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
