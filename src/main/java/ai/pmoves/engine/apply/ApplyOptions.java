package ai.pmoves.engine.apply;

import ai.pmoves.engine.definition.DefinitionSources;
import ai.pmoves.engine.hook.Hooks;
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
 * @param definitions          the definitions brought up to date after the migrations; null for none
 * @param hooks                the hooks that run at the run's moments
 * @param notifyPostgrest      after a run that changed the schema, tell PostgREST to reload it
 */
public record ApplyOptions(Path migrationsDirectory, boolean directoryConfigured, TableName historyTable,
                           String target, String baseline, boolean outOfOrder, boolean dryRun, Path dryRunFile,
                           Duration lockTimeout, DefinitionSources definitions, Hooks hooks, boolean notifyPostgrest) {

    /** Migrations and definitions, no hooks. */
    public ApplyOptions(Path migrationsDirectory, boolean directoryConfigured, TableName historyTable, String target,
                        String baseline, boolean outOfOrder, boolean dryRun, Path dryRunFile, Duration lockTimeout,
                        DefinitionSources definitions) {
        this(migrationsDirectory, directoryConfigured, historyTable, target, baseline, outOfOrder, dryRun, dryRunFile,
                lockTimeout, definitions, Hooks.NONE, false);
    }

    /** Migrations only, no definitions. */
    public ApplyOptions(Path migrationsDirectory, boolean directoryConfigured, TableName historyTable, String target,
                        String baseline, boolean outOfOrder, boolean dryRun, Path dryRunFile, Duration lockTimeout) {
        this(migrationsDirectory, directoryConfigured, historyTable, target, baseline, outOfOrder, dryRun, dryRunFile,
                lockTimeout, null, Hooks.NONE, false);
    }

    /** Whether there is a definition to bring up to date (it scans the definitions directory). */
    boolean hasDefinitions() {
        return definitions != null && !definitions.scan().isEmpty();
    }
}
