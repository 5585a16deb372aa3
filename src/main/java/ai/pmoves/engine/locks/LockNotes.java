package ai.pmoves.engine.locks;

import ai.pmoves.engine.Printable;
import ai.pmoves.engine.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lines a dry run shows above a statement that locks a table in a way that holds up others:
 * {@code AccessExclusiveLock on public.orders (≈1.2M rows), rewrites}, with the table's size on the target. The row
 * locks of INSERT, UPDATE and DELETE, which hold up nobody's reads or writes of other rows, are not shown.
 */
public final class LockNotes {
    /** The first words of the statements that can take such a lock: the others are not even tokenized. */
    private static final Set<String> LOCKING = Set.of("ALTER", "CREATE", "DROP", "TRUNCATE", "LOCK", "VACUUM",
            "CLUSTER", "REINDEX", "REFRESH");

    private final TableSizes sizes;

    /** Notes with each table's size read on {@code connection}; null for notes without sizes. */
    public LockNotes(Connection connection) {
        this.sizes = connection == null ? null : new TableSizes(connection);
    }

    /** The notes for {@code statement}, one per table it locks; none for most statements. */
    public List<String> of(SqlStatement statement) {
        if (statement.words().isEmpty() || !LOCKING.contains(statement.words().get(0))) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        for (StatementLock lock : StatementLocks.of(statement)) {
            if (lock.mode().compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) >= 0) {
                notes.add(note(lock));
            }
        }
        return notes;
    }

    private String note(StatementLock lock) {
        TableSizes.Size size = null;
        try {
            size = sizes == null ? null : sizes.of(lock.relation());
        } catch (SQLException e) {
            // a size the target would not give is left out; the lock is still worth showing
        }
        if (size == null) {
            return lock.describe(Printable.of(lock.relation()) + (sizes == null ? "" : " (not on the target yet)"),
                    -1);
        }
        return lock.describe(Printable.of(size.name()), size.rows());
    }
}
