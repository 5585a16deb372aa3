package ai.pmoves.engine.repair;

import ai.pmoves.engine.history.TableName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link Repairer#repair} is asked to do. Versions may be written as {@code pmoves:status} lists them or as the
 * migration's file name.
 *
 * @param migrationsDirectory where the migration files are
 * @param directoryConfigured whether the user set the directory (a missing default one means "no migrations")
 * @param historyTable        the history table
 * @param markApplied         versions to record as applied without running them (a pending one gets a row; a failed
 *                            one becomes applied)
 * @param markReverted        versions whose row to delete without running anything
 * @param realign             store the current checksum of every {@code changed} migration
 * @param clearAllFailed      delete every {@code failed} row
 * @param clearFailed         versions whose {@code failed} row to delete
 * @param dryRun              print what would change and change nothing
 * @param lockTimeout         how long to wait for another run's migration lock
 */
public record RepairOptions(Path migrationsDirectory, boolean directoryConfigured, TableName historyTable,
                            List<String> markApplied, List<String> markReverted, boolean realign,
                            boolean clearAllFailed, List<String> clearFailed, boolean dryRun, Duration lockTimeout) {

    /** Whether any repair was asked for. */
    public boolean asksForSomething() {
        return !markApplied.isEmpty() || !markReverted.isEmpty() || realign || clearAllFailed || !clearFailed.isEmpty();
    }
}
