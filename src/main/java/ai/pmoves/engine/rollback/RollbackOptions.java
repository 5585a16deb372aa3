package ai.pmoves.engine.rollback;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.history.TableName;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link Reverter#rollback} is asked to do. {@code count} and {@code target} exclude each other; with neither,
 * the newest applied migration is undone.
 *
 * @param migrationsDirectory           where the migration files are
 * @param migrationsDirectoryConfigured whether the user set it (a missing default one means "no migration files")
 * @param rollbackDirectory             where the down scripts are, each named like the migration it undoes
 * @param rollbackDirectoryConfigured   whether the user set it (a missing configured one is an error at once)
 * @param historyTable                  the history table
 * @param count                         undo the newest {@code count} applied migrations; null for the default
 * @param target                        undo every migration applied after this version, which stays; null for none
 * @param force                         undo migrations whose file changed since they ran, whose file is gone, or
 *                                      that were recorded as baseline
 * @param dryRun                        run nothing: write the SQL that would run to {@code dryRunFile}
 * @param dryRunFile                    where a dry run writes its SQL
 * @param lockTimeout                   how long to wait for another run's lock
 */
public record RollbackOptions(Path migrationsDirectory, boolean migrationsDirectoryConfigured, Path rollbackDirectory,
                              boolean rollbackDirectoryConfigured, TableName historyTable, Integer count, String target,
                              boolean force, boolean dryRun, Path dryRunFile, Duration lockTimeout) {
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

    /** How many of the newest migrations to undo when no target is given. */
    public int effectiveCount() {
        return count == null ? DEFAULT_COUNT : count;
    }
}
