package ai.pmoves.engine.apply;

import ai.pmoves.engine.history.TableName;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link Migrator#apply} is asked to do.
 *
 * @param migrationsDirectory  where the migration files are
 * @param directoryConfigured  whether the user set the directory (a missing default one means "no migrations")
 * @param historyTable         the history table
 * @param target               apply up to and including this version; null for all
 * @param baseline             record every pending migration up to this version as {@code baseline} without
 *                             running it; null for none
 * @param outOfOrder           allow pending migrations older than the newest applied one
 * @param dryRun               run nothing: write the SQL that would run to {@code dryRunFile}
 * @param dryRunFile           where a dry run writes its SQL
 * @param lockTimeout          how long to wait for another run's lock
 */
public record ApplyOptions(Path migrationsDirectory, boolean directoryConfigured, TableName historyTable,
                           String target, String baseline, boolean outOfOrder, boolean dryRun, Path dryRunFile,
                           Duration lockTimeout) {
}
