package ai.pmoves.engine.script;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.Tuple;

/**
 * Sends statements of one transaction to the server together, in one round trip, as the driver sends a batch, and
 * knows which of them failed: the driver counts a failed batch as failed throughout, but its results arrive in order,
 * one per statement, so the number that arrived before the error is the failed statement's index. Each statement goes
 * as its own query with its own text, exactly as it would go on its own: no driver parser splits or rewrites it, and an
 * error's position refers to that statement alone.
 *
 * <p>Uses the driver's query executor, which its {@code Statement} is built on; a connection that is not the driver's
 * own has no pipeline ({@link #of} returns null) and its statements go one at a time.
 */
final class StatementPipeline {
    private static final int[] NO_PARAMETERS = {};
    private static final int LONGEST = 1 << 16;
    private final QueryExecutor executor;
    private final List<NativeQuery> queries = new ArrayList<>();
    /** How many statements of the pipeline now running have returned; read by the progress timer's thread. */
    private volatile int returned;

    private StatementPipeline(QueryExecutor executor) {
        this.executor = executor;
    }

    /**
     * A pipeline on {@code connection}, or null when the connection is not the driver's own: one that answers some
     * statements itself (the Supabase stand-ins' decoration) must see each of them.
     */
    static StatementPipeline of(Connection connection) {
        return connection instanceof BaseConnection driver ? new StatementPipeline(driver.getQueryExecutor()) : null;
    }

    /**
     * Whether {@code sql} goes with others: not a long one, whose round trip is nothing beside its size and whose
     * failure to be sent (the JVM out of memory on it) must name it alone.
     */
    static boolean fits(String sql) {
        return sql.length() <= LONGEST;
    }

    /** Adds a statement to send with the next {@link #send}. */
    void add(String sql) {
        // one statement, by the lexer's split: the driver need not guard against a ';' that would end it early
        queries.add(new NativeQuery(sql, NO_PARAMETERS, false, SqlCommand.BLANK));
    }

    /** How many statements wait for {@link #send}. */
    int size() {
        return queries.size();
    }

    /** How many statements of the pipeline being sent have returned so far: the next one is the one running. */
    int returned() {
        return returned;
    }

    /**
     * Sends the statements added since the last send, in the connection's transaction (the driver begins one when
     * auto-commit is off), and waits for all of them. Rows a statement returns are read and dropped, as a lone
     * statement's would be.
     *
     * @throws Failed naming the index of the first statement that failed, with the server's error
     */
    void send() throws Failed {
        if (queries.isEmpty()) {
            return;
        }
        Query query = executor.wrap(List.copyOf(queries));
        queries.clear();
        returned = 0;
        Results results = new Results();
        try {
            executor.execute(query, null, results, 0, 0, QueryExecutor.QUERY_ONESHOT
                    | QueryExecutor.QUERY_NO_BINARY_TRANSFER);
        } catch (SQLException e) {
            throw new Failed(results.failedAt < 0 ? returned : results.failedAt, e);
        } finally {
            query.close();
        }
    }

    /** Counts each statement's result as it arrives, and the count when the first error arrived. */
    private final class Results extends ResultHandlerBase {
        private int failedAt = -1;

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            returned++; // a statement that returns rows ends here, without a command status of its own
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            returned++;
        }

        @Override
        public void handleWarning(SQLWarning warning) {
            // a NOTICE: dropped, as a lone statement's warnings are
        }

        @Override
        public void handleError(SQLException error) {
            if (failedAt < 0) {
                failedAt = returned;
            }
            super.handleError(error);
        }
    }

    /** A pipeline that failed: the statement at {@link #index()} with {@link #getCause()}, nothing after it ran. */
    static final class Failed extends Exception {
        private final int index;

        Failed(int index, SQLException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        int index() {
            return index;
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
