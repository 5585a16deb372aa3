package ai.pmoves.engine.rollback;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link Reverter#rollback} is asked to do: {@code RollbackOptions.of(migrations, rollbacks)} and a
 * {@code with…} for each setting that is not the default, e.g. {@code .withCount(2).withForce(true)}. {@code count}
 * and {@code target} exclude each other; with neither, the newest applied migration is undone.
 *
 * @param migrationsDirectory where the migration files are
 * @param rollbackDirectory   where the down scripts are, each named like the migration it undoes
 * @param historyTable        the history table (default {@code supabase_migrations.schema_migrations})
 * @param count               undo the newest {@code count} applied migrations; null for the default
 * @param target              undo every migration applied after this version, which stays; null for none
 * @param force               undo migrations whose file changed since they ran, whose file is gone, or that were
 *                            recorded as baseline
 * @param dryRunFile          run nothing: write the SQL that would run to this file; null to run
 * @param lockTimeout         how long to wait for another run's lock (default 60 s)
 */
public record RollbackOptions(ConfiguredDirectory migrationsDirectory, ConfiguredDirectory rollbackDirectory,
                              TableName historyTable, Integer count, String target, boolean force, Path dryRunFile,
                              Duration lockTimeout) {
    /** How many migrations a rollback undoes when neither count nor target is given. */
    public static final int DEFAULT_COUNT = 1;

    public RollbackOptions {
        target = target == null || target.isBlank() ? null : target.trim();
        if (count != null && target != null) {
            throw new PmovesException("Give count or target, not both (count=" + count + ", target=" + target
                    + "): count undoes the newest N applied migrations, target undoes every migration applied after"
                    + " that version.");
        }
        if (count != null && count < 1) {
            throw new PmovesException("count must be 1 or more, not " + count + ": it is how many of the newest applied"
                    + " migrations to undo (-Dpmoves.count=N).");
        }
    }

    /** Undo the newest applied migration with its down script, on the default history table. */
    public static RollbackOptions of(ConfiguredDirectory migrationsDirectory, ConfiguredDirectory rollbackDirectory) {
        return new RollbackOptions(migrationsDirectory, rollbackDirectory, HistoryTable.DEFAULT_NAME, null, null, false,
                null, AdvisoryLock.DEFAULT_TIMEOUT);
    }

    public RollbackOptions withHistoryTable(TableName historyTable) {
        return new RollbackOptions(migrationsDirectory, rollbackDirectory, historyTable, count, target, force,
                dryRunFile, lockTimeout);
    }

    public RollbackOptions withCount(Integer count) {
        return new RollbackOptions(migrationsDirectory, rollbackDirectory, historyTable, count, target, force,
                dryRunFile, lockTimeout);
    }

    public RollbackOptions withTarget(String target) {
        return new RollbackOptions(migrationsDirectory, rollbackDirectory, historyTable, count, target, force,
                dryRunFile, lockTimeout);
    }

    public RollbackOptions withForce(boolean force) {
        return new RollbackOptions(migrationsDirectory, rollbackDirectory, historyTable, count, target, force,
                dryRunFile, lockTimeout);
    }

    /** A dry run that writes its SQL to {@code dryRunFile}; null runs for real. */
    public RollbackOptions withDryRun(Path dryRunFile) {
        return new RollbackOptions(migrationsDirectory, rollbackDirectory, historyTable, count, target, force,
                dryRunFile, lockTimeout);
    }

    public RollbackOptions withLockTimeout(Duration lockTimeout) {
        return new RollbackOptions(migrationsDirectory, rollbackDirectory, historyTable, count, target, force,
                dryRunFile, lockTimeout);
    }

    /** Whether nothing runs: the SQL that would run is written to {@link #dryRunFile()}. */
    public boolean dryRun() {
        return dryRunFile != null;
    }

    /** How many of the newest migrations to undo when no target is given. */
    public int effectiveCount() {
        return count == null ? DEFAULT_COUNT : count;
    }
}
