package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import java.util.List;

/**
 * The guard every goal that runs SQL passes first: while a migration is recorded as {@code failed}, a file that ran
 * outside a transaction stopped part-way, and the database is in a state no file describes.
 */
public final class FailedMigrations {
    private FailedMigrations() {
    }

    /** Refuses to go on while {@code status} holds a failed migration. */
    public static void refuse(MigrationStatus status, HistoryTable history) {
        List<MigrationInfo> failed = status.inState(MigrationState.FAILED);
        if (!failed.isEmpty()) {
            throw failedRow(failed.get(0).name(), failed.get(0).version(), history);
        }
    }

    /** {@link #refuse(MigrationStatus, HistoryTable)} from the rows alone, for goals that read no migration files. */
    public static void refuse(List<HistoryRow> rows, HistoryTable history) {
        rows.stream().filter(HistoryRow::isFailed).findFirst().ifPresent(row -> {
            throw failedRow(row.name() == null ? row.version() : row.name(), row.version(), history);
        });
    }

    private static PmovesException failedRow(String name, String version, HistoryTable history) {
        String shown = Printable.of(version);
        return new PmovesException("Migration " + Printable.of(name) + " (version " + shown + ") failed part-way in an"
                + " earlier run and is recorded as failed in " + history.failedName() + ". Undo what it did by hand and"
                + " clear the row so that it runs again (mvn pmoves:repair -Dpmoves.clearFailed=" + shown + "), or"
                + " finish it by hand and record it as applied (mvn pmoves:repair -Dpmoves.markApplied=" + shown
                + ").");
    }
}
