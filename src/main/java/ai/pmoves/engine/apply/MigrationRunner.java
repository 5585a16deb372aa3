package ai.pmoves.engine.apply;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.migration.Migration;
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
 * Runs one migration: in one transaction together with its history row, so it lands whole or not at all; or, when
 * it holds a statement that cannot run in a transaction, statement by statement, recording a {@code failed} row if
 * one of them fails (DESIGN §7).
 */
final class MigrationRunner {
    private final Connection connection;
    private final HistoryTable history;
    private final int serverMajorVersion;

    MigrationRunner(Connection connection, HistoryTable history, int serverMajorVersion) {
        this.connection = connection;
        this.history = history;
        this.serverMajorVersion = serverMajorVersion;
    }

    /** Why the script must run outside a transaction, or null. */
    String nonTransactionalReason(MigrationScript script) {
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

    /** Runs the migration and writes its row; returns the milliseconds it took. */
    long run(Migration migration, MigrationScript script) {
        String nonTransactional = nonTransactionalReason(script);
        return nonTransactional == null ? runInTransaction(migration, script)
                : runStatementByStatement(migration, script, nonTransactional);
    }

    private long runInTransaction(Migration migration, MigrationScript script) {
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
            history.insert(connection, migration.version(), migration.name().description(), texts(script),
                    script.checksum(), ms, HistoryRow.APPLIED);
            connection.commit();
            return ms;
        } catch (SQLException e) {
            rollbackQuietly();
            if (current == null) {
                throw new PmovesException("Cannot record " + migration.fileName() + " in " + history.name() + ": "
                        + e.getMessage() + ". The migration was rolled back.", e);
            }
            throw new PmovesException(ExecutionError.describe(migration.fileName(), script.text(), current, e)
                    + "\nMigration " + migration.fileName() + " was rolled back: none of it is applied, and nothing after"
                    + " it ran. Fix the file and run again.", e);
        }
    }

    private long runStatementByStatement(Migration migration, MigrationScript script, String reason) {
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
                        recordFailure(migration, script, elapsedMs(start));
                        throw new PmovesException(ExecutionError.describe(migration.fileName(), script.text(), s, e)
                                + "\nMigration " + migration.fileName() + " ran outside a transaction (" + reason
                                + "): the " + done + " statement(s) before this one took effect. It is recorded as"
                                + " 'failed' in " + history.name() + ", and runs refuse to go on until it is"
                                + " repaired: undo those statements and run mvn pmoves:repair -Dpmoves.clearFailed="
                                + migration.version() + " so that it runs again, or finish it by hand and run mvn"
                                + " pmoves:repair -Dpmoves.markApplied=" + migration.version() + ".", e);
                    }
                }
            }
            int ms = elapsedMs(start);
            history.insert(connection, migration.version(), migration.name().description(), texts(script),
                    script.checksum(), ms, HistoryRow.APPLIED);
            return ms;
        } catch (SQLException e) {
            throw new PmovesException("Cannot record " + migration.fileName() + " in " + history.name() + ": "
                    + e.getMessage() + ". Its statements ran outside a transaction and took effect; record it with"
                    + " mvn pmoves:repair -Dpmoves.markApplied=" + migration.version() + ".", e);
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

    private void recordFailure(Migration migration, MigrationScript script, int ms) {
        try {
            connection.setAutoCommit(true);
            history.insert(connection, migration.version(), migration.name().description(), texts(script),
                    script.checksum(), ms, HistoryRow.FAILED);
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

    private static String[] texts(MigrationScript script) {
        return script.statements().stream().map(SqlStatement::sql).toArray(String[]::new);
    }

    private static int elapsedMs(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }
}
