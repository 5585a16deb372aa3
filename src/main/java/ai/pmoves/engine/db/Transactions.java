package ai.pmoves.engine.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * How the plugin ends its transactions (design.md: Applying migrations): a transaction commits only when its work
 * returned, and whatever else ends it, a server error as much as an Error of the JVM (out of memory on a line longer
 * than the heap holds), rolls it back before anything else touches the connection. Never a commit in a {@code finally}:
 * switching auto-commit back on commits an open transaction, so it is switched on only after the commit or rollback.
 */
public final class Transactions {
    /** Work done in a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction on {@code connection} and commits it; if anything is thrown, an Error
     * included, rolls it back and rethrows it as it was. The connection's auto-commit mode is restored afterwards.
     */
    public static <T> T inOne(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run();
            connection.commit();
        } catch (Throwable e) {
            if (rollBackQuietly(connection)) {
                restoreQuietly(connection, autoCommit);
            }
            throw e;
        }
        connection.setAutoCommit(autoCommit);
        return result;
    }

    /**
     * Rolls back what is open on {@code connection}: the driver's transaction, or a block that a file running as
     * written opened in auto-commit (as psql's session would on exit). Quietly, since the failure that got here is the
     * one to report.
     *
     * @return whether the connection is out of any transaction now; false when it is broken (the server then rolls
     *     back with the session), and it must not be used to commit anything
     */
    public static boolean rollBackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            } else if (inBlock(connection)) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ROLLBACK");
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether the server is inside a transaction block on {@code connection} (a file's own, or the driver's). */
    public static boolean inBlock(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
    }

    private static void restoreQuietly(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // rolled back already: a connection that fails here fails the next statement with its own error
        }
    }
}
