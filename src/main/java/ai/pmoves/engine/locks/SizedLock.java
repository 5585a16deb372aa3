package ai.pmoves.engine.locks;

import ai.pmoves.engine.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A lock a statement takes, with the table as the target knows it: what a plan records for each statement
 * ({@code locks[]} with {@code relation} and {@code mode}, {@code rows}, {@code rewrite}) and the dry run shows above it.
 *
 * @param relation the table, schema-qualified when the target has it, else as the statement names it
 * @param mode     the strongest mode the statement takes on it
 * @param rows     its rows on the target (estimated, or counted when small); -1 when it is not there yet or unknown
 * @param rewrites whether the statement writes the table anew
 * @param exists   whether the target has the table
 */
public record SizedLock(String relation, LockMode mode, long rows, boolean rewrites, boolean exists) {

    /** The locks of {@code statement}, each with its table's size read through {@code sizes}. */
    public static List<SizedLock> of(SqlStatement statement, TableSizes sizes) {
        List<SizedLock> locks = new ArrayList<>();
        for (StatementLock lock : StatementLocks.of(statement)) {
            TableSizes.Size size = null;
            try {
                size = sizes == null ? null : sizes.of(lock.relation());
            } catch (SQLException e) {
                // a size the target would not give is left out; the lock is still worth showing
            }
            locks.add(size == null ? new SizedLock(lock.relation(), lock.mode(), -1, lock.rewrites(), false)
                    : new SizedLock(size.name(), lock.mode(), size.rows(), lock.rewrites(), true));
        }
        return locks;
    }
}
