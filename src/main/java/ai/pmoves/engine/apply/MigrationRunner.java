package ai.pmoves.engine.apply;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.hook.HookMoment;
import ai.pmoves.engine.hook.Hooks;
import ai.pmoves.engine.locks.LockQueue;
import ai.pmoves.engine.locks.LockWait;
import ai.pmoves.engine.locks.LockWatch;
import ai.pmoves.engine.migration.Migration;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.script.Progress;
import ai.pmoves.engine.script.ScriptFailure;
import ai.pmoves.engine.script.ScriptRunner;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.supabase.MissingPlatform;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.PGConnection;

/**
 * Runs one migration: in one transaction together with its history row, so it lands whole or not at all; or, when
 * it holds a statement that cannot run in a transaction, statement by statement, its row written after the last one
 * and its failure recorded (where the Supabase CLI does not read it) if one of them fails.
 */
final class MigrationRunner {
    private final ScriptRunner scripts;
    private final HistoryTable history;
    private final WorkSession session;
    private final Hooks hooks;
    private final LockWait lockWait;
    private final LockWatch watch;
    private final EngineLog log;

    MigrationRunner(WorkSession session, HistoryTable history, int serverMajorVersion, Hooks hooks) {
        this(session, history, serverMajorVersion, hooks, LockWait.NONE, null, EngineLog.SILENT, Progress.NONE);
    }

    /**
     * A runner whose migrations wait at most {@code lockWait}'s timeout for a lock and are tried again when they gave
     * up; {@code watch} (null without a timeout) sees what they waited for, for the failure's message; a statement
     * that runs long says so through {@code progress}.
     */
    MigrationRunner(WorkSession session, HistoryTable history, int serverMajorVersion, Hooks hooks, LockWait lockWait,
                    LockWatch watch, EngineLog log, Progress progress) {
        this.scripts = new ScriptRunner(session, serverMajorVersion, lockWait, progress);
        this.history = history;
        this.session = session;
        this.hooks = hooks;
        this.lockWait = lockWait;
        this.watch = watch;
        this.log = log;
    }

    /** Why the script must run outside a transaction, or null. */
    String nonTransactionalReason(MigrationScript script) {
        return scripts.nonTransactionalReason(script);
    }

    /**
     * Runs the migration and writes its row; returns the milliseconds it took. A migration that gave up waiting for a
     * lock before any of it took effect is run again after a pause, up to the retries of its {@link LockWait}.
     */
    long run(Migration migration, MigrationScript script) {
        for (int retry = 1; ; retry++) {
            watchFrom(session.forNextFile());
            try {
                return scripts.run(script, recording(migration, script),
                        (c, ms) -> recordFailure(c, migration, script, ms));
            } catch (ScriptFailure f) {
                LockQueue queue = watch == null ? null : watch.lastSeen();
                boolean retryable = lockWait.enabled() && f.lockTimedOut() && f.nothingTookEffect();
                if (retryable && retry <= lockWait.retries()) {
                    pause(migration, f, queue, retry);
                    continue;
                }
                throw new PmovesException(retryable ? gaveUp(migration, script, f, queue)
                        : message(migration, script, f) + (f.lockTimedOut() && queue != null
                        ? "\n  It " + queue.describe() : ""), f.getCause());
            } finally {
                if (watch != null) {
                    watch.stop();
                }
            }
        }
    }

    private void watchFrom(Connection connection) {
        if (watch != null) {
            try {
                watch.start(connection.unwrap(PGConnection.class).getBackendPID());
            } catch (SQLException e) {
                // a connection that is not the driver's own: the failure then says it could not see the wait
            }
        }
    }

    private void pause(Migration migration, ScriptFailure f, LockQueue queue, int retry) {
        Duration backoff = LockWait.backoff(retry);
        log.warn(Printable.of(migration.fileName()) + ":" + f.statement().line() + " gave up waiting for "
                + (queue == null ? "a lock" : queue.lock() + (queue.ahead().isEmpty() ? ""
                : " behind pid " + queue.ahead().get(0).pid())) + " after " + lockWait.timeout().toMillis()
                + " ms; rolled back, try " + (retry + 1) + " of " + (lockWait.retries() + 1) + " in "
                + backoff.toSeconds() + " s.");
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PmovesException("Interrupted while waiting to try " + Printable.of(migration.fileName())
                    + " again; it is not applied and stays pending.", e);
        }
    }

    /** The message when the last try gave up waiting for a lock: the wait, the sessions in its way, and the way out. */
    private String gaveUp(Migration migration, MigrationScript script, ScriptFailure f, LockQueue queue) {
        return f.describe(migration.fileName(), script) + "\n  It " + (queue == null
                ? "waited for a lock that the plugin could not see from its second connection (a wait shorter than"
                + " it looks, or a pooler between them)" : queue.describe())
                + "\nMigration " + migration.shownName() + " gave up waiting for a lock " + Counted.of(
                lockWait.retries() + 1, "time") + " (migrationLockTimeout " + lockWait.timeout().toMillis() + " ms, "
                + "migrationLockRetries " + lockWait.retries() + "): none of it is applied, nothing is recorded, and it"
                + " stays pending; nothing after it ran. End or wait out the sessions in its way and run again, or run"
                + " it at a quieter time; a longer migrationLockTimeout makes every query on the table queue longer"
                + " behind it.";
    }

    private String message(Migration migration, MigrationScript script, ScriptFailure f) {
        String name = Printable.of(migration.fileName());
        String version = Printable.of(migration.version());
        String cannotRecord = "Cannot record " + name + " in " + history.name() + ": " + f.getMessage();
        if (f.rolledBack()) {
            return f.inHistoryChange() ? cannotRecord + ". The migration was rolled back."
                    : f.describe(migration.fileName(), script) + "\nMigration " + migration.shownName()
                    + " was rolled back: none of it is applied, and nothing after it ran."
                    + MissingPlatform.advice(f.getCause(), session.connection());
        }
        String outside = " ran outside a transaction (" + f.nonTransactionalReason() + ")";
        String markApplied = "mvn pmoves:repair -Dpmoves.markApplied=" + migration.version();
        if (f.inHistoryChange()) {
            // every statement ran and committed as it went: only its row is missing, and the next run would run it again
            return cannotRecord + ".\nMigration " + migration.shownName() + outside + ": its statements took effect,"
                    + " but they are not recorded, and the next run would run them again. Once the user may write to "
                    + history.name() + ", record it as applied: " + markApplied + ".";
        }
        String failed = f.describe(migration.fileName(), script) + "\nMigration " + migration.shownName() + outside
                + ": the " + Counted.of(f.statementsDone(), "statement") + " before this one took effect. ";
        if (f.failureNotRecorded() != null) {
            return failed + "It could not be recorded as failed in " + history.failedName() + " either ("
                    + f.failureNotRecorded().getMessage() + "), so nothing stops the next run from running it again"
                    + " from its first statement: undo those statements before it does, or finish it by hand and, once"
                    + " the user may write to " + history.name() + ", record it as applied: " + markApplied + ".";
        }
        return failed + "It is recorded as failed in " + history.failedName() + " (not in " + history.name()
                + ", which the Supabase CLI reads as applied), and runs refuse to go on until it is repaired: undo those"
                + " statements and run mvn pmoves:repair -Dpmoves.clearFailed=" + migration.version() + " so that it"
                + " runs again, or finish it by hand and run " + markApplied + ".";
    }

    /** The migration's row, and the afterEachMigrate hooks after it; as one statement only when there are none. */
    private ScriptRunner.HistoryChange recording(Migration migration, MigrationScript script) {
        return new ScriptRunner.HistoryChange() {
            @Override
            public void write(Connection connection, int ms) throws SQLException {
                history.insert(connection, migration.version(), migration.name().description(), statements(script),
                        script.checksum(), ms, HistoryRow.APPLIED);
                hooks.runInside(HookMoment.AFTER_EACH_MIGRATE, connection, session);
            }

            @Override
            public String sql() throws SQLException {
                return hooks.has(HookMoment.AFTER_EACH_MIGRATE) ? null : history.insertStatement(migration.version(),
                        migration.name().description(), statements(script), script.checksum(), HistoryRow.APPLIED);
            }
        };
    }

    /** Every file that stopped part-way is recorded here, whatever made it run outside a transaction. */
    private void recordFailure(Connection connection, Migration migration, MigrationScript script, int ms)
            throws SQLException {
        history.recordFailed(connection, migration.version(), migration.name().description(), statements(script),
                script.checksum(), ms);
    }

    private static String[] statements(MigrationScript script) {
        return script.statements().stream().map(SqlStatement::sql).toArray(String[]::new);
    }
}
