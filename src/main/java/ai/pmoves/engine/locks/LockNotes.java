package ai.pmoves.engine.locks;

import ai.pmoves.engine.Printable;
import ai.pmoves.engine.sql.SqlStatement;
import java.sql.Connection;
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
        for (SizedLock lock : SizedLock.of(statement, sizes)) {
            if (lock.mode().compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) >= 0) {
                String shown = Printable.of(lock.relation())
                        + (lock.exists() || sizes == null ? "" : " (not on the target yet)");
                notes.add(new StatementLock(lock.relation(), lock.mode(), lock.rewrites()).describe(shown, lock.rows()));
            }
        }
        return notes;
    }
}
