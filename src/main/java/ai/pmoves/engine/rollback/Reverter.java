package ai.pmoves.engine.rollback;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.migration.FailedMigrations;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.migration.MigrationStatus;
import ai.pmoves.engine.script.DryRunScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rolls back applied migrations with their down scripts (design.md: Goals; Files, names and order; Applying
 * migrations): the newest one, the newest {@code count}, or every one applied after a target; newest first. Checks the
 * whole plan before touching anything (every down script present and lexable, nothing changed unless forced, the target
 * recorded), then undoes each migration in a transaction of its own under the migration lock apply takes.
 */
public final class Reverter {
    private final ConnectionSettings settings;
    private final EngineLog log;

    public Reverter(ConnectionSettings settings, EngineLog log) {
        this.settings = settings;
        this.log = log;
    }

    public RollbackResult rollback(RollbackOptions options) {
        long start = System.nanoTime();
        List<Migration> files = MigrationScanner.scan(options.migrationsDirectory(), log);
        DownScripts downScripts = DownScripts.in(options.rollbackDirectory());
        HistoryTable history = new HistoryTable(options.historyTable());
        try (WorkSession session = WorkSession.open(settings);
             AdvisoryLock lock = options.dryRun() ? null
                     : AdvisoryLock.acquire(settings, history.name().toString(), options.lockTimeout())) {
            Connection connection = session.connection(); // the plan is read here; each down script gets its own turn
            log.info((options.dryRun() ? "Dry run of a rollback against " : "Rolling back on ") + settings.maskedUrl()
                    + " (PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + "), history "
                    + history.name());
            List<HistoryRow> rows = history.readAll(connection);
            if (rows.isEmpty()) {
                log.info("Nothing to roll back: no migration is recorded in " + history.name() + ".");
                return new RollbackResult(List.of(), millisSince(start));
            }
            MigrationStatus status = MigrationStatus.of(files, rows, m -> MigrationScript.checksumOf(m.file()));
            FailedMigrations.refuse(status, history);
            RollbackPlan plan = RollbackPlan.of(status, options, downScripts, history.name().toString());
            if (plan.steps().isEmpty()) {
                log.info("Nothing to roll back: " + options.target() + " is the newest applied migration.");
                return new RollbackResult(List.of(), millisSince(start));
            }
            plan.forced().forEach(log::warn);
            // Split every down script before running any: a syntax error in the third must not leave two undone.
            List<MigrationScript> downs = new ArrayList<>(plan.steps().size());
            for (RollbackPlan.Step step : plan.steps()) {
                MigrationScript down = MigrationScript.read(step.downScript());
                if (down.statements().isEmpty()) {
                    log.warn(downName(options, step) + " has no statements: undoing " + step.fileName()
                            + " only deletes its history row.");
                }
                downs.add(down);
            }
            if (!options.dryRun()) {
                history.ensure(connection); // a table the CLI made gets the state column a failed undo is marked in
            }
            UndoRunner runner = new UndoRunner(session, history,
                    connection.getMetaData().getDatabaseMajorVersion());
            if (options.dryRun()) {
                writeDryRun(options, history, plan, downs, runner);
            } else {
                undoAll(options, plan, downs, runner);
            }
            List<String> undone = plan.steps().stream().map(RollbackPlan.Step::fileName).toList();
            long millis = millisSince(start);
            log.info(options.dryRun()
                    ? "Would roll back " + count(undone.size()) + "; nothing was executed: the SQL is in "
                    + options.dryRunFile() + "."
                    : "Rolled back " + count(undone.size()) + " in " + millis + " ms: pending again, pmoves:apply"
                    + " re-applies " + (undone.size() == 1 ? "it." : "them."));
            return new RollbackResult(undone, millis);
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
    }

    private void undoAll(RollbackOptions options, RollbackPlan plan, List<MigrationScript> downs, UndoRunner runner) {
        List<RollbackPlan.Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            RollbackPlan.Step step = steps.get(i);
            String nonTransactional = runner.nonTransactionalReason(downs.get(i));
            if (nonTransactional != null) {
                log.info(downName(options, step) + " runs outside a single transaction, not atomic: " + nonTransactional
                        + ".");
            }
            long ms = runner.undo(step, downs.get(i), downName(options, step), progress(steps, i));
            log.info("[" + (i + 1) + "/" + steps.size() + "] rolled back " + step.fileName() + " … " + ms + " ms");
        }
    }

    /** What a failure at step {@code failing} leaves: the steps before it undone, the ones after it untouched. */
    private static String progress(List<RollbackPlan.Step> steps, int failing) {
        String undone = names(steps.subList(0, failing));
        String untouched = names(steps.subList(failing + 1, steps.size()));
        return (undone.isEmpty() ? "Nothing was undone before it." : "Undone before it in this run: " + undone + ".")
                + (untouched.isEmpty() ? "" : " Not attempted, still applied: " + untouched + ".");
    }

    private void writeDryRun(RollbackOptions options, HistoryTable history, RollbackPlan plan,
                             List<MigrationScript> downs, UndoRunner runner) {
        DryRunScript dryRun = new DryRunScript(history, settings.maskedUrl(), "rollback");
        List<RollbackPlan.Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            RollbackPlan.Step step = steps.get(i);
            dryRun.script("[" + (i + 1) + "/" + steps.size() + "] undo " + step.fileName() + " (version "
                    + step.version() + ") with " + downName(options, step), downs.get(i),
                    runner.nonTransactionalReason(downs.get(i)),
                    history.deleteSql().replace("?", DryRunScript.literal(step.version())) + ";");
            log.info("[" + (i + 1) + "/" + steps.size() + "] would roll back " + step.fileName());
        }
        dryRun.writeTo(options.dryRunFile());
    }

    /** The down script as errors name it: its directory and file name, e.g. {@code rollbacks/20250101_a.sql}. */
    private static String downName(RollbackOptions options, RollbackPlan.Step step) {
        return options.rollbackDirectory().path().getFileName() + "/" + step.downScript().getFileName();
    }

    private static String names(List<RollbackPlan.Step> steps) {
        return steps.stream().map(RollbackPlan.Step::fileName).collect(Collectors.joining(", "));
    }

    private static String count(int n) {
        return Counted.of(n, "migration");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
