package ai.pmoves.engine.db;

import ai.pmoves.engine.PmovesException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * The migration lock: a transaction-level advisory lock ({@code pg_try_advisory_xact_lock}) held by a transaction left
 * open, idle, on a connection of its own for the whole run. Idle in a transaction that has no snapshot and no
 * transaction id, it never makes {@code CREATE INDEX CONCURRENTLY} on the work connection wait. Held by an open
 * transaction rather than by the session, it also works behind a pooler in transaction mode (such as PgBouncer):
 * the pooler keeps one server session for a client while it is in a transaction, and drops that session when the
 * client goes away mid-transaction, so a killed run's lock dies with it; a session lock would stay behind on a pooled
 * server session for whichever client gets it next. One lock per history table, so two projects sharing a database
 * do not block each other.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** How long a run waits for another run's lock unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** "pmov" in the high half: keeps our keys apart from applications' own advisory locks. */
    private static final long NAMESPACE = 0x706d6f76L << 32;
    /** Pauses between two tries for a held lock: short at first, so a run that just finished is noticed soon. */
    private static final long FIRST_PAUSE_MS = 25;
    private static final long LAST_PAUSE_MS = 500;
    /** The lock's session, holder or waiter, is {@code pmoves-maven-plugin lock} in pg_stat_activity. */
    private static final String APPLICATION_NAME_SUFFIX = "lock";

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Waits up to {@code timeout} for the lock of {@code historyTable}, on a new connection. Each try is a short
     * transaction that asks with {@code pg_try_advisory_xact_lock}; a refused try is rolled back before the pause, so
     * a waiting run holds neither a snapshot (a blocked {@code pg_advisory_xact_lock} would: the lock holder's
     * {@code CREATE INDEX CONCURRENTLY} would wait for it) nor, behind a pooler, a server session. The try that gets
     * the lock stays open until {@link #close()}.
     */
    public static AdvisoryLock acquire(ConnectionSettings settings, String historyTable, Duration timeout) {
        Connection connection = settings.connect(APPLICATION_NAME_SUFFIX);
        try {
            connection.setAutoCommit(false);
            String tryLock = tryLockSql(keyOf(historyTable), connection.getMetaData().getDatabaseMajorVersion());
            long deadline = System.nanoTime() + timeout.toNanos();
            long pauseMs = FIRST_PAUSE_MS;
            try (Statement st = connection.createStatement()) {
                while (!taken(st, tryLock)) {
                    connection.rollback();
                    long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                    if (leftMs <= 0) {
                        throw new PmovesException("Another run holds the migration lock of " + historyTable + " and"
                                + " did not release it within " + timeout.toSeconds() + " s (pmoves.lockTimeout). Wait"
                                + " for it to finish, or raise pmoves.lockTimeout.");
                    }
                    Thread.sleep(Math.min(pauseMs, leftMs));
                    pauseMs = Math.min(pauseMs * 2, LAST_PAUSE_MS);
                }
            }
            return new AdvisoryLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new PmovesException("Cannot take the migration lock of " + historyTable + ": " + e.getMessage()
                    + Pooler.advice(e), e);
        } catch (InterruptedException e) {
            closeQuietly(connection);
            Thread.currentThread().interrupt();
            throw new PmovesException("Interrupted while waiting for the migration lock of " + historyTable + ".", e);
        } catch (RuntimeException | Error e) { // whatever it is, the lock must not stay held by a connection left open
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * One try, one round trip. READ COMMITTED whatever the server's default, so that the open transaction keeps no
     * snapshot once its statement is done; the SETs come after the SELECT because, over the extended protocol, a
     * finished SELECT's portal keeps its snapshot (and so the session's xmin, which {@code CREATE INDEX CONCURRENTLY}
     * waits for) until the next statement replaces it. They also switch off, for this transaction alone, the
     * server's {@code idle_in_transaction_session_timeout} (and {@code transaction_timeout} from PostgreSQL 17), so
     * that no timeout ends the lock while the run works.
     */
    private static String tryLockSql(long key, int serverMajorVersion) {
        return "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SELECT pg_try_advisory_xact_lock(" + key + ");"
                + " SET LOCAL idle_in_transaction_session_timeout = 0"
                + (serverMajorVersion >= 17 ? "; SET LOCAL transaction_timeout = 0" : "");
    }

    /** Runs a try and reads its SELECT's answer, the only result set among the statements' results. */
    private static boolean taken(Statement st, String tryLock) throws SQLException {
        boolean taken = false;
        boolean answered = false;
        boolean resultSet = st.execute(tryLock);
        while (resultSet || st.getUpdateCount() != -1) {
            if (resultSet) {
                try (ResultSet rs = st.getResultSet()) {
                    answered = rs.next();
                    taken = answered && rs.getBoolean(1);
                }
            }
            resultSet = st.getMoreResults();
        }
        if (!answered) {
            throw new SQLException("the server gave no answer to pg_try_advisory_xact_lock");
        }
        return taken;
    }

    /** The advisory lock key of a history table. */
    public static long keyOf(String historyTable) {
        CRC32 crc = new CRC32();
        crc.update(historyTable.getBytes(StandardCharsets.UTF_8));
        return NAMESPACE | crc.getValue();
    }

    @Override
    public void close() {
        // Ending the transaction releases the lock and, behind a pooler, hands its server session back in a clean
        // state; if that fails, closing the connection ends the transaction (and the lock) on the server anyway.
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // closing below still releases it
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server drops the lock with the session anyway
        }
    }
}
