package ai.pmoves.engine.apply;

import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.sql.SqlStatement;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Runs the statements of one SQL file by the rules of DESIGN §7, together with a change to the history table: in one
 * transaction with that change, so the file lands whole or not at all; or, when the file holds a statement that cannot
 * run in a transaction, statement by statement, the change written after the last one and a failure change written
 * if one of them fails. Apply writes a migration's row with it; rollback runs a down script and deletes the row.
 * The caller words the failure, since only it knows what the file was for.
 */
public final class ScriptRunner {
    /** A write to the history table that goes with the script (in its transaction when it has one). */
    @FunctionalInterface
    public interface HistoryChange {
        void write(Connection connection, int executionMs) throws SQLException;
    }

    private final Connection connection;
    private final int serverMajorVersion;

    public ScriptRunner(Connection connection, int serverMajorVersion) {
        this.connection = connection;
        this.serverMajorVersion = serverMajorVersion;
    }

    /** Why the script must run outside a transaction, or null. */
    public String nonTransactionalReason(MigrationScript script) {
        if (script.noTransaction()) {
            return "its first line is " + MigrationScript.NO_TRANSACTION_DIRECTIVE;
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
     * Runs the script and then {@code onSuccess}; returns the milliseconds it took.
     *
     * @param onPartialFailure written (best effort) when a statement of a script that runs outside a transaction
     *                         fails after the statements before it took effect
     * @throws ScriptFailure when a statement or {@code onSuccess} fails; in a transaction, nothing of either is left
     */
    public long run(MigrationScript script, HistoryChange onSuccess, HistoryChange onPartialFailure)
            throws ScriptFailure {
        String nonTransactional = nonTransactionalReason(script);
        return nonTransactional == null ? runInTransaction(script, onSuccess)
                : runStatementByStatement(script, onSuccess, onPartialFailure, nonTransactional);
    }

    private long runInTransaction(MigrationScript script, HistoryChange onSuccess) throws ScriptFailure {
        long start = System.nanoTime();
        SqlStatement current = null;
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (SqlStatement s : script.statements()) {
                    if (TransactionRules.isTransactionControl(s)) {
                        continue;
                    }
                    current = s;
                    execute(st, s);
                }
            }
            current = null;
            int ms = elapsedMs(start);
            onSuccess.write(connection, ms);
            connection.commit();
            return ms;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new ScriptFailure(current, e, null, 0);
        }
    }

    private long runStatementByStatement(MigrationScript script, HistoryChange onSuccess,
                                         HistoryChange onPartialFailure, String reason) throws ScriptFailure {
        long start = System.nanoTime();
        int done = 0;
        try {
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                for (SqlStatement s : script.statements()) {
                    try {
                        execute(st, s);
                        done++;
                    } catch (SQLException e) {
                        writeQuietly(onPartialFailure, elapsedMs(start));
                        throw new ScriptFailure(s, e, reason, done);
                    }
                }
            }
            int ms = elapsedMs(start);
            onSuccess.write(connection, ms);
            return ms;
        } catch (SQLException e) {
            throw new ScriptFailure(null, e, reason, done);
        }
    }

    private void execute(Statement st, SqlStatement s) throws SQLException {
        if (s.isCopyFromStdin()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try {
                copy.copyIn(s.sql(), new StringReader(s.copyData()));
            } catch (IOException e) {
                throw new SQLException("COPY data could not be sent: " + e.getMessage(), e);
            }
        } else {
            st.execute(s.sql());
        }
    }

    private void writeQuietly(HistoryChange change, int ms) {
        try {
            connection.setAutoCommit(true);
            change.write(connection, ms);
        } catch (SQLException ignored) {
            // the statement's own error is the one to report
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls back with it
        }
    }

    private static int elapsedMs(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }
}
