package ai.pmoves.engine.script;

import ai.pmoves.engine.db.Transactions;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.locks.LockWait;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.sql.SqlStatement;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Runs the statements of one SQL file by the rules migrations follow (design.md: Applying migrations), together with a
 * change to the history table: in one transaction with that change, so the file lands whole or not at all; or, when the
 * file holds a statement that cannot run in a transaction or transaction control of its own, statement by statement as
 * written, the change written after the last one and a failure change written if one of them fails. Each file starts in
 * a session as fresh as psql's (see {@link WorkSession}). Apply writes a migration's row with it; rollback runs a down
 * script and deletes the row. The caller words the failure, since only it knows what the file was for.
 */
public final class ScriptRunner {
    /** A write to the history table that goes with the script (in its transaction when it has one). */
    @FunctionalInterface
    public interface HistoryChange {
        void write(Connection connection, int executionMs) throws SQLException;

        /**
         * The same write as one statement, the execution time taken by the server, to send together with the file's
         * last statements and the commit: or null when it must go through {@link #write} (it runs more than SQL).
         */
        default String sql() throws SQLException {
            return null;
        }
    }

    private final WorkSession session;
    private final int serverMajorVersion;
    private final LockWait lockWait;
    private final Progress progress;
    private Connection connection;
    /** The statement running in a transaction, for its failure; null before the first and after the last. */
    private SqlStatement running;
    /** Whether the transaction's work is done and what fails now is its commit (a check deferred to the end). */
    private boolean committing;

    public ScriptRunner(WorkSession session, int serverMajorVersion) {
        this(session, serverMajorVersion, LockWait.NONE, Progress.NONE);
    }

    /**
     * A runner whose files wait at most {@code lockWait}'s timeout for each lock: set inside a file's transaction
     * ({@code SET LOCAL}), or for the session while a file runs outside one.
     *
     * @param progress where a statement that runs long says so while it runs
     */
    public ScriptRunner(WorkSession session, int serverMajorVersion, LockWait lockWait, Progress progress) {
        this.session = session;
        this.serverMajorVersion = serverMajorVersion;
        this.lockWait = lockWait;
        this.progress = progress;
    }

    /** Why the script must run outside a transaction, or null. */
    public String nonTransactionalReason(MigrationScript script) {
        if (script.noTransaction()) {
            return "its first line is " + MigrationScript.NO_TRANSACTION_DIRECTIVE;
        }
        SqlStatement control = TransactionRules.ownTransactionControl(script.statements());
        if (control != null) {
            return "it has transaction control of its own (" + TransactionRules.describe(control) + "), so it runs as"
                    + " written, as psql runs it";
        }
        for (SqlStatement s : script.statements()) {
            String reason = TransactionRules.nonTransactionalReason(s, serverMajorVersion);
            if (reason != null) {
                return reason + " at line " + s.line() + " cannot run in a transaction";
            }
        }
        return null;
    }

    /**
     * Runs the script and then {@code onSuccess}, in a session as fresh as psql's would be; returns the milliseconds
     * it took.
     *
     * @param onPartialFailure written (best effort) when a statement of a script that runs outside a transaction
     *                         fails after the statements before it took effect
     * @throws ScriptFailure when a statement or {@code onSuccess} fails, the server or the JVM (out of memory); in a
     *                       transaction, nothing of either is left
     */
    public long run(MigrationScript script, HistoryChange onSuccess, HistoryChange onPartialFailure)
            throws ScriptFailure {
        connection = session.forNextFile();
        Set<SessionEffect> effects = SessionEffect.of(script.statements());
        String nonTransactional = nonTransactionalReason(script);
        long ms;
        try {
            ms = nonTransactional == null ? runInTransaction(script, effects, onSuccess)
                    : runAsWritten(script, effects, onSuccess, onPartialFailure, nonTransactional);
        } catch (ScriptFailure f) {
            throw f.ranWith(session.variables());
        }
        if (effects.contains(SessionEffect.DEFAULTS)) {
            session.defaultsChanged();
        } else if (effects.contains(SessionEffect.SESSION_OBJECTS)) {
            session.needsNewSession();
        }
        return ms;
    }

    private long runInTransaction(MigrationScript script, Set<SessionEffect> effects, HistoryChange onSuccess)
            throws ScriptFailure {
        long start = System.nanoTime();
        running = null;
        committing = false;
        try {
            return Transactions.inOne(connection, () -> {
                try (Statement st = connection.createStatement()) {
                    st.setEscapeProcessing(false); // the file is PostgreSQL's SQL, as psql reads it: no JDBC escapes
                    session.takeOnChangedDefaults(st);
                    if (lockWait.enabled()) {
                        st.execute(lockWait.setLocal()); // before the file's own statements: a SET of its own wins
                    }
                    // With a lock timeout, one at a time: a wait that gives up is named as it happens, never waited twice
                    StatementPipeline pipeline = lockWait.enabled() ? null : StatementPipeline.of(connection);
                    List<SqlStatement> together = new ArrayList<>();
                    for (SqlStatement s : script.statements()) {
                        if (TransactionRules.isTransactionControl(s)) {
                            continue; // a wrapper: any other transaction control makes the file run as written
                        }
                        String sql = session.sqlOf(s);
                        if (pipeline == null || s.isCopyFromStdin() || !StatementPipeline.fits(sql)) {
                            sendTogether(pipeline, together, script, false);
                            running = s;
                            execute(st, script, s, sql);
                        } else {
                            together.add(s);
                            pipeline.add(sql);
                        }
                    }
                    // The row and the commit go with the file's last statements, one round trip for all three: a
                    // database 50 ms away saves 100 ms a file. Not after a session reset (the row is not the file's
                    // role's to write) or a statement sent on its own.
                    String change = together.isEmpty() || effects.contains(SessionEffect.SETTINGS) ? null
                            : onSuccess.sql();
                    boolean recorded = change != null && StatementPipeline.fits(change);
                    if (recorded) {
                        pipeline.add(change);
                        pipeline.add("COMMIT"); // the driver sees the transaction end and commits nothing more
                    }
                    sendTogether(pipeline, together, script, recorded);
                    running = null;
                    if (recorded) {
                        committing = true; // sent already: the driver's commit after this sends nothing
                        return (long) elapsedMs(start);
                    }
                    if (effects.contains(SessionEffect.SETTINGS)) {
                        session.reset(st); // before the history row, which must not be written as the file's role
                    }
                }
                int ms = elapsedMs(start);
                onSuccess.write(connection, ms);
                committing = true;
                return (long) ms;
            });
        } catch (SQLException | RuntimeException | Error e) { // rolled back by now, whatever it was
            ScriptFailure failure = new ScriptFailure(running, e, null, 0);
            throw committing ? failure.atCommit() : failure;
        }
    }

    /**
     * Statement by statement in auto-commit, transaction control included, as psql runs a file: its blocks are
     * honoured, the statements outside them commit as they go.
     */
    private long runAsWritten(MigrationScript script, Set<SessionEffect> effects, HistoryChange onSuccess,
                              HistoryChange onPartialFailure, String reason) throws ScriptFailure {
        long start = System.nanoTime();
        int done = 0;
        try {
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false);
                session.takeOnChangedDefaults(st);
                if (lockWait.enabled()) {
                    // for the session, so that each statement's own transaction has it; undone after the file
                    st.execute(lockWait.setForSession());
                }
                SqlStatement blockOpener = null;
                for (SqlStatement s : script.statements()) {
                    try {
                        execute(st, script, s);
                        done++;
                    } catch (SQLException | RuntimeException | Error e) { // the JVM's failures as the server's
                        Transactions.rollBackQuietly(connection);
                        resetLockTimeoutQuietly();
                        ScriptFailure failure = new ScriptFailure(s, e, reason, done);
                        if (done == 0 && lockWait.enabled() && LockWait.isLockTimeout(e)) {
                            throw failure; // nothing took effect: the file stays pending, to be tried again
                        }
                        throw failure.failureNotRecorded(writeQuietly(onPartialFailure, elapsedMs(start)));
                    }
                    if (!session.inTransactionBlock()) {
                        blockOpener = null;
                    } else if (blockOpener == null) {
                        blockOpener = s; // only transaction control opens a block
                    }
                }
                if (blockOpener != null) {
                    Transactions.rollBackQuietly(connection);
                    resetLockTimeoutQuietly();
                    throw new ScriptFailure(blockOpener, new SQLException("the file ends inside the transaction block"
                            + " this statement opened, which psql rolls back when the file ends: none of the block"
                            + " took effect. End the block with COMMIT"), reason, done)
                            .failureNotRecorded(writeQuietly(onPartialFailure, elapsedMs(start)));
                }
                if (effects.contains(SessionEffect.SETTINGS)) {
                    session.reset(st);
                } else if (lockWait.enabled()) {
                    st.execute("RESET lock_timeout");
                }
            }
            int ms = elapsedMs(start);
            onSuccess.write(connection, ms);
            return ms;
        } catch (SQLException | RuntimeException | Error e) {
            Transactions.rollBackQuietly(connection); // nothing open, unless what failed is the session itself
            resetLockTimeoutQuietly();
            throw new ScriptFailure(null, e, reason, done);
        }
    }

    /**
     * Sends the statements gathered in {@code pipeline}, {@code together}, in one round trip; a failure is the failed
     * statement's, as if it had run on its own, or, past them, the history change's (and the commit's) when
     * {@code withChange}.
     */
    private void sendTogether(StatementPipeline pipeline, List<SqlStatement> together, MigrationScript script,
                              boolean withChange) throws SQLException {
        if (together.isEmpty()) {
            return;
        }
        running = together.get(0);
        try (Progress.Running watched = progress.statement(() -> where(script,
                together.get(Math.min(pipeline.returned(), together.size() - 1))))) {
            pipeline.send();
        } catch (StatementPipeline.Failed f) {
            running = withChange && f.index() >= together.size() ? null
                    : together.get(Math.min(f.index(), together.size() - 1));
            committing = withChange && f.index() > together.size(); // the COMMIT sent after the history change
            throw f.getCause();
        }
        together.clear();
    }

    private static String where(MigrationScript script, SqlStatement s) {
        return script.file().getFileName() + ":" + s.line();
    }

    /** The next file must not inherit the timeout set for this one's session. */
    private void resetLockTimeoutQuietly() {
        if (lockWait.enabled()) {
            try (Statement st = connection.createStatement()) {
                st.execute("RESET lock_timeout");
            } catch (SQLException ignored) {
                // a broken session is replaced before the next file, and this failure is not the one to report
            }
        }
    }

    private void execute(Statement st, MigrationScript script, SqlStatement s) throws SQLException {
        execute(st, script, s, session.sqlOf(s));
    }

    private void execute(Statement st, MigrationScript script, SqlStatement s, String sql) throws SQLException {
        String where = where(script, s);
        if (s.isCopyFromStdin()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn(sql, progress.copy(where, new StringReader(s.copyData())));
            } catch (IOException e) {
                throw new SQLException("COPY data could not be sent: " + e.getMessage(), e);
            }
        } else {
            try (Progress.Running running = progress.statement(where)) {
                st.execute(sql);
            }
        }
    }

    /**
     * Writes the change; returns why it could not, or null. The statement's own error stays the one reported, but the
     * message must not claim a record that was never written.
     */
    private SQLException writeQuietly(HistoryChange change, int ms) {
        try {
            connection.setAutoCommit(true);
            change.write(connection, ms);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static int elapsedMs(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }
}
