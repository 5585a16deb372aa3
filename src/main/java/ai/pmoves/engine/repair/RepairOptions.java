package ai.pmoves.engine.repair;

import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.time.Duration;
import java.util.List;

/**
 * What {@link Repairer#repair} is asked to do: {@code RepairOptions.of(migrations)} and a {@code with…} for each
 * repair, e.g. {@code .withMarkApplied(List.of("20250101")).withDryRun(true)}. Versions may be written as
 * {@code pmoves:status} lists them or as the migration's file name.
 *
 * @param migrationsDirectory where the migration files are
 * @param historyTable        the history table (default {@code supabase_migrations.schema_migrations})
 * @param markApplied         versions to record as applied without running them (a pending one gets a row; a failed
 *                            one becomes applied)
 * @param markReverted        versions whose row to delete without running anything
 * @param realign             store the current checksum of every {@code changed} migration
 * @param clearAllFailed      delete every {@code failed} row
 * @param clearFailed         versions whose {@code failed} row to delete
 * @param dryRun              print what would change and change nothing
 * @param lockTimeout         how long to wait for another run's migration lock (default 60 s)
 */
public record RepairOptions(ConfiguredDirectory migrationsDirectory, TableName historyTable, List<String> markApplied,
                            List<String> markReverted, boolean realign, boolean clearAllFailed,
                            List<String> clearFailed, boolean dryRun, Duration lockTimeout) {

    public RepairOptions {
        markApplied = List.copyOf(markApplied);
        markReverted = List.copyOf(markReverted);
        clearFailed = List.copyOf(clearFailed);
    }

    /** No repair yet, on the default history table. */
    public static RepairOptions of(ConfiguredDirectory migrationsDirectory) {
        return new RepairOptions(migrationsDirectory, HistoryTable.DEFAULT_NAME, List.of(), List.of(), false, false,
                List.of(), false, AdvisoryLock.DEFAULT_TIMEOUT);
    }

    public RepairOptions withHistoryTable(TableName historyTable) {
        return new RepairOptions(migrationsDirectory, historyTable, markApplied, markReverted, realign, clearAllFailed,
                clearFailed, dryRun, lockTimeout);
    }

    public RepairOptions withMarkApplied(List<String> markApplied) {
        return new RepairOptions(migrationsDirectory, historyTable, markApplied, markReverted, realign, clearAllFailed,
                clearFailed, dryRun, lockTimeout);
    }

    public RepairOptions withMarkReverted(List<String> markReverted) {
        return new RepairOptions(migrationsDirectory, historyTable, markApplied, markReverted, realign, clearAllFailed,
                clearFailed, dryRun, lockTimeout);
    }

    public RepairOptions withRealign(boolean realign) {
        return new RepairOptions(migrationsDirectory, historyTable, markApplied, markReverted, realign, clearAllFailed,
                clearFailed, dryRun, lockTimeout);
    }

    public RepairOptions withClearAllFailed(boolean clearAllFailed) {
        return new RepairOptions(migrationsDirectory, historyTable, markApplied, markReverted, realign, clearAllFailed,
                clearFailed, dryRun, lockTimeout);
    }

    public RepairOptions withClearFailed(List<String> clearFailed) {
        return new RepairOptions(migrationsDirectory, historyTable, markApplied, markReverted, realign, clearAllFailed,
                clearFailed, dryRun, lockTimeout);
    }

    public RepairOptions withDryRun(boolean dryRun) {
        return new RepairOptions(migrationsDirectory, historyTable, markApplied, markReverted, realign, clearAllFailed,
                clearFailed, dryRun, lockTimeout);
    }

    public RepairOptions withLockTimeout(Duration lockTimeout) {
        return new RepairOptions(migrationsDirectory, historyTable, markApplied, markReverted, realign, clearAllFailed,
                clearFailed, dryRun, lockTimeout);
    }

    /** Whether any repair was asked for. */
    public boolean asksForSomething() {
        return !markApplied.isEmpty() || !markReverted.isEmpty() || realign || clearAllFailed || !clearFailed.isEmpty();
    }
}
