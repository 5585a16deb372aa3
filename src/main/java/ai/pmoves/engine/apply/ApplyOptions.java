package ai.pmoves.engine.apply;

import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.definition.DefinitionSources;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.hook.Hooks;
import ai.pmoves.engine.locks.LockWait;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link Migrator#apply} is asked to do: {@code ApplyOptions.of(migrations)} and a {@code with…} for each
 * setting that is not the default, e.g. {@code ApplyOptions.of(dir).withTarget("20250102").withDryRun(sqlFile)}.
 *
 * @param migrationsDirectory where the migration files are
 * @param historyTable        the history table (default {@code supabase_migrations.schema_migrations})
 * @param target              apply up to and including this version; null for all
 * @param baseline            record every pending migration up to this version as {@code baseline} without running
 *                            it; null for none
 * @param outOfOrder          allow pending migrations older than the newest applied one
 * @param dryRunFile          run nothing: write the SQL that would run to this file; null to run
 * @param lockTimeout         how long to wait for another run's lock (default 60 s)
 * @param definitions         the definitions brought up to date after the migrations; null for none
 * @param hooks               the hooks that run at the run's moments
 * @param notifyPostgrest     after a run that changed the schema, tell PostgREST to reload it
 * @param planMode            write a release plan, or run exactly one; null for neither
 * @param migrationLockWait   how long a migration's statements wait for a lock, and how often one that gave up is
 *                            tried again (default: no lock timeout)
 */
public record ApplyOptions(ConfiguredDirectory migrationsDirectory, TableName historyTable, String target,
                           String baseline, boolean outOfOrder, Path dryRunFile, Duration lockTimeout,
                           DefinitionSources definitions, Hooks hooks, boolean notifyPostgrest, PlanMode planMode,
                           LockWait migrationLockWait) {

    /** Every pending migration of {@code migrationsDirectory}, no definitions, no hooks, the default history table. */
    public static ApplyOptions of(ConfiguredDirectory migrationsDirectory) {
        return new ApplyOptions(migrationsDirectory, HistoryTable.DEFAULT_NAME, null, null, false, null,
                AdvisoryLock.DEFAULT_TIMEOUT, null, Hooks.NONE, false, null, LockWait.NONE);
    }

    public ApplyOptions withHistoryTable(TableName historyTable) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    public ApplyOptions withTarget(String target) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    public ApplyOptions withBaseline(String baseline) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    public ApplyOptions withOutOfOrder(boolean outOfOrder) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    /** A dry run that writes its SQL to {@code dryRunFile}; null runs for real. */
    public ApplyOptions withDryRun(Path dryRunFile) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    public ApplyOptions withLockTimeout(Duration lockTimeout) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    public ApplyOptions withDefinitions(DefinitionSources definitions) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    public ApplyOptions withHooks(Hooks hooks) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    public ApplyOptions withNotifyPostgrest(boolean notifyPostgrest) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    public ApplyOptions withMigrationLockWait(LockWait migrationLockWait) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    /**
     * Make a release plan ({@link PlanMode#write}: nothing runs, as in a dry run, and the plan goes to its files), or
     * run exactly one ({@link PlanMode#follow}); null for neither.
     */
    public ApplyOptions withPlanMode(PlanMode planMode) {
        return new ApplyOptions(migrationsDirectory, historyTable, target, baseline, outOfOrder, dryRunFile,
                lockTimeout, definitions, hooks, notifyPostgrest, planMode, migrationLockWait);
    }

    /** Whether nothing runs: the SQL that would run is written to {@link #dryRunFile()}, or a plan is made. */
    public boolean dryRun() {
        return dryRunFile != null || writesPlan();
    }

    /** Whether the run makes a release plan. */
    boolean writesPlan() {
        return planMode != null && planMode.writes();
    }

    /** Whether the run follows a release plan. */
    boolean followsPlan() {
        return planMode != null && !planMode.writes();
    }

    /** Whether there is a definition to bring up to date (it scans the definitions directory). */
    boolean hasDefinitions() {
        return definitions != null && !definitions.scan().isEmpty();
    }
}
