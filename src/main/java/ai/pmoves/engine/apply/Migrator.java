package ai.pmoves.engine.apply;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.Pending;
import ai.pmoves.engine.db.Transactions;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.definition.DefinitionPlan;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.hook.HookMoment;
import ai.pmoves.engine.migration.ChecksumCache;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.locks.LockNotes;
import ai.pmoves.engine.locks.LockWatch;
import ai.pmoves.engine.plan.ReleasePlan;
import ai.pmoves.engine.migration.SqlFiles;
import ai.pmoves.engine.script.DryRunScript;
import ai.pmoves.engine.script.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Applies pending migrations in time order (design.md: Applying migrations): checks the whole plan first (the
 * {@link ApplyPlan}, then the syntax of every file to run), then runs each migration under the migration lock.
 */
public final class Migrator {
    private final ConnectionSettings settings;
    private final EngineLog log;

    public Migrator(ConnectionSettings settings, EngineLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** Connects, takes the migration lock (not for a dry run), and applies. */
    public ApplyResult apply(ApplyOptions options) {
        long start = System.nanoTime();
        // the connection and the lock are opened while the files are read
        try (Pending<Connection> pending = Pending.connection(settings);
             Pending<AdvisoryLock> pendingLock = options.dryRun() ? null
                     : Pending.lock(settings, options.historyTable().toString(), options.lockTimeout())) {
            List<Migration> files = scan(options);
            if (nothingToRun(files, options)) {
                return new ApplyResult(List.of(), List.of(), 0, millisSince(start));
            }
            // A release plan's checks hash the files themselves, remembering none: what was reviewed is what runs.
            Function<Migration, String> checksums = ChecksumCache.checksumsOf(files,
                    options.planMode() == null ? options.migrationsDirectory().checksumCache() : null);
            try (WorkSession session = new WorkSession(settings, pending.join());
                 AdvisoryLock lock = pendingLock == null ? null : pendingLock.join()) {
                return apply(session, files, checksums, options, start);
            }
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
    }

    /**
     * Applies in a session whose caller already holds the migration lock of {@code options.historyTable()}
     * (bootstrap runs init scripts, migrations and seeds under one lock, in one {@link WorkSession}).
     */
    public ApplyResult applyWithLockHeld(WorkSession session, ApplyOptions options) {
        long start = System.nanoTime();
        List<Migration> files = scan(options);
        if (nothingToRun(files, options)) {
            return new ApplyResult(List.of(), List.of(), 0, millisSince(start));
        }
        try {
            return apply(session, files, m -> MigrationScript.checksumOf(m.file()), options, start);
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
    }

    private List<Migration> scan(ApplyOptions options) {
        List<Migration> files = MigrationScanner.scan(options.migrationsDirectory(), log);
        if (files.isEmpty()) {
            int skipped = SqlFiles.list(options.migrationsDirectory(), "migrationsDirectory").size();
            if (skipped > 0) {
                // a folder of names the CLI skips (Lovable's 20250614222447-<uuid>.sql): the run would look done
                log.warn("No migrations in " + options.migrationsDirectory().path() + ": " + (skipped == 1
                        ? "its one .sql file was skipped for its name" : "all " + skipped + " .sql files there were"
                        + " skipped for their names") + " (see above), so nothing is applied.");
            } else {
                log.info("No migrations in " + options.migrationsDirectory().path() + ".");
            }
        }
        return files;
    }

    /**
     * Whether the run has nothing to do: no migration, no definition, and no hook of the run itself. As Flyway runs
     * its beforeMigrate and afterMigrate callbacks on every migrate, those hooks run even with no file to run (grants,
     * {@code NOTIFY pgrst}); the afterEach… ones have nothing to follow.
     */
    private boolean nothingToRun(List<Migration> files, ApplyOptions options) {
        if (!files.isEmpty() || options.hasDefinitions() || options.planMode() != null) {
            // a plan with nothing to run still records the history and the schema it was made against
            return false;
        }
        if (options.hooks().has(HookMoment.BEFORE_MIGRATE) || options.hooks().has(HookMoment.AFTER_MIGRATE)) {
            log.info("No migration and no definition to run: the beforeMigrate and afterMigrate hooks run all the"
                    + " same.");
            return false;
        }
        return true;
    }

    private ApplyResult apply(WorkSession session, List<Migration> files, Function<Migration, String> checksums,
                              ApplyOptions options, long start) throws SQLException {
        Connection connection = session.connection();
        HistoryTable history = new HistoryTable(options.historyTable());
        if (options.writesPlan()) {
            PlanRun.beginReadOnly(connection);
        }
        log.info((options.writesPlan() ? "Planning against " : options.dryRun() ? "Dry run against "
                : "Applying to ") + settings.maskedUrl() + " (PostgreSQL "
                + connection.getMetaData().getDatabaseProductVersion() + "), history " + history.name()
                + (options.followsPlan() ? ", following the plan " + options.planMode().file() : ""));
        List<HistoryRow> rows = history.readAll(connection);
        int serverMajor = connection.getMetaData().getDatabaseMajorVersion();
        // a second connection that sees who holds the lock a migration waits for, while it waits
        Progress progress = Progress.every(Progress.EVERY, log); // its timer starts with the first statement it watches
        try (LockWatch watch = options.migrationLockWait().enabled() && !options.dryRun()
                ? new LockWatch(settings, options.migrationLockWait().timeout()) : null) {
            MigrationRunner runner = new MigrationRunner(session, history, serverMajor, options.hooks(),
                    options.migrationLockWait(), watch, log, progress);
            PlanRun planRun = new PlanRun(options, history, runner);
            if (options.followsPlan()) {
                planRun.refuseMoved(connection, rows, files, checksums); // under the lock, before anything ran
            }
            ApplyPlan plan = options.followsPlan() ? ApplyPlan.following(options.planMode().followed(), files, rows, checksums)
                    : ApplyPlan.of(files, rows, checksums, options);
            plan.warnings().forEach(log::warn);
            List<Migration> toBaseline = plan.toBaseline();
            List<Migration> toRun = plan.toRun();
            // Split every file before running any: a syntax error in the third file must not leave two applied.
            List<MigrationScript> scripts = MigrationScript.readAll(toRun.stream().map(Migration::file).toList());
            DefinitionPlan definitions = DefinitionPlan.read(session, options.definitions(), options.historyTable());
            if (options.followsPlan()) {
                definitions = followed(definitions, options.planMode());
            }
            if (!options.dryRun()) {
                // Only now, with every file split: a bad file must leave the database as it was, history table included
                history.ensure(connection);
            }
            if (options.dryRun()) {
                writeDryRun(options, history, history.exists(connection), toBaseline, toRun, scripts, runner,
                        definitions, new LockNotes(connection));
                if (options.writesPlan()) {
                    planRun.write(settings, connection, rows, plan, scripts, definitions, log);
                    PlanRun.endReadOnly(connection);
                    return new ApplyResult(toRun.stream().map(Migration::fileName).toList(),
                            toBaseline.stream().map(Migration::version).toList(), plan.upToDate(), millisSince(start),
                            definitions.paths()); // what the plan runs; its summary is the one line
                }
            } else {
                try {
                    options.hooks().run(HookMoment.BEFORE_MIGRATE, session, log);
                    recordBaseline(connection, history, toBaseline);
                    runAll(runner, toRun, scripts);
                    definitions.run(log, options.hooks()); // after the migrations: a definition may use what they create
                    options.hooks().run(HookMoment.AFTER_MIGRATE, session, log);
                } catch (RuntimeException e) {
                    options.hooks().runOnError(session, log, e);
                    throw e;
                } finally {
                    progress.close();
                }
                if (options.notifyPostgrest() && !(toRun.isEmpty() && definitions.paths().isEmpty())) {
                    PostgrestNotice.send(session.forNextFile(), log);
                }
            }
            List<String> applied = toRun.stream().map(Migration::fileName).toList();
            List<String> baselined = toBaseline.stream().map(Migration::version).toList();
            long millis = millisSince(start);
            summarize(options, applied, baselined, plan.upToDate(), millis);
            return new ApplyResult(applied, baselined, plan.upToDate(), millis, definitions.paths());
        }
    }

    /** The definitions of the followed plan; one new or changed since it was made waits, with one line. */
    private DefinitionPlan followed(DefinitionPlan definitions, PlanMode mode) throws SQLException {
        List<String> planned = mode.followed().definitions().stream().map(ReleasePlan.PlannedFile::path).toList();
        definitions.paths().stream().filter(path -> !planned.contains(path)).forEach(path -> log.warn("Definition "
                + path + " is not in the plan (new or changed after it was made): it waits for the next plan."));
        return definitions.only(planned);
    }

    private void recordBaseline(Connection connection, HistoryTable history, List<Migration> toBaseline)
            throws SQLException {
        if (toBaseline.isEmpty()) {
            return;
        }
        Transactions.inOne(connection, () -> {
            for (Migration m : toBaseline) {
                history.insert(connection, m.version(), m.name().description(), null,
                        MigrationScript.checksumOf(m.file()), null, HistoryRow.BASELINE);
            }
            return null;
        });
        log.info("Baseline: recorded " + Counted.of(toBaseline.size(), "migration") + " up to "
                + toBaseline.get(toBaseline.size() - 1).fileName() + " without running them.");
    }

    private void runAll(MigrationRunner runner, List<Migration> toRun, List<MigrationScript> scripts) {
        for (int i = 0; i < toRun.size(); i++) {
            Migration m = toRun.get(i);
            String nonTransactional = runner.nonTransactionalReason(scripts.get(i));
            if (nonTransactional != null) {
                log.info(m.fileName() + " runs outside a single transaction, not atomic: " + nonTransactional + ".");
            }
            long ms = runner.run(m, scripts.get(i));
            log.info("[" + (i + 1) + "/" + toRun.size() + "] " + m.shownName() + " … " + ms + " ms");
        }
    }

    private void writeDryRun(ApplyOptions options, HistoryTable history, boolean historyExisted,
                             List<Migration> toBaseline, List<Migration> toRun, List<MigrationScript> scripts,
                             MigrationRunner runner, DefinitionPlan definitions, LockNotes lockNotes) {
        boolean plan = options.writesPlan();
        // each statement that holds others up says which lock it takes, on how big a table: in the dry run and the plan
        DryRunScript dryRun = (plan ? DryRunScript.plan(history, settings.maskedUrl(), settings.variables(),
                options.planMode().file()) : new DryRunScript(history, settings.maskedUrl(), "apply"))
                .withNotes(lockNotes::of);
        EngineLog progress = plan ? EngineLog.SILENT : log; // a plan says it all in one summary
        if (!historyExisted) {
            dryRun.createHistoryTable();
        }
        options.hooks().writeTo(HookMoment.BEFORE_MIGRATE, dryRun);
        toBaseline.forEach(dryRun::baseline);
        for (int i = 0; i < toRun.size(); i++) {
            dryRun.migration(i + 1, toRun.size(), toRun.get(i), scripts.get(i),
                    runner.nonTransactionalReason(scripts.get(i)),
                    d -> options.hooks().writeInside(HookMoment.AFTER_EACH_MIGRATE, d));
            progress.info("[" + (i + 1) + "/" + toRun.size() + "] " + toRun.get(i).shownName() + " … would run");
        }
        definitions.writeTo(dryRun, progress, options.hooks());
        options.hooks().writeTo(HookMoment.AFTER_MIGRATE, dryRun);
        dryRun.writeTo(plan ? options.planMode().sqlFile() : options.dryRunFile());
        progress.info("Dry run: nothing was executed; the SQL is in " + options.dryRunFile());
    }

    private void summarize(ApplyOptions options, List<String> applied, List<String> baselined, int upToDate,
                           long millis) {
        String already = upToDate == 0 ? "" : " (" + upToDate + " already applied)";
        if (applied.isEmpty() && baselined.isEmpty()) {
            log.info("Nothing to apply: the database is up to date" + already + ". " + millis + " ms.");
        } else {
            log.info((options.dryRun() ? "Would apply " : "Applied ") + applied.size() + " migration"
                    + (applied.size() == 1 ? "" : "s") + (baselined.isEmpty() ? "" : ", baselined " + baselined.size())
                    + already + " in " + millis + " ms.");
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
