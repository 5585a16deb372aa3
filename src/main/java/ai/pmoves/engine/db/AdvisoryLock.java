package ai.pmoves.engine.db;

import ai.pmoves.engine.PmovesException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * The migration lock: a session advisory lock held on a connection of its own that stays idle while migrations
 * run, so {@code CREATE INDEX CONCURRENTLY} never waits on the lock holder's transaction. A killed run's lock dies
 * with its connection. One lock per history table, so two projects sharing a database do not block each other.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** "pmov" in the high half: keeps our keys apart from applications' own advisory locks. */
    private static final long NAMESPACE = 0x706d6f76L << 32;
    /** Pauses between two tries for a held lock: short at first, so a run that just finished is noticed soon. */
    private static final long FIRST_PAUSE_MS = 25;
    private static final long LAST_PAUSE_MS = 500;

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Waits up to {@code timeout} for the lock of {@code historyTable}, on a new connection. It asks with
     * {@code pg_try_advisory_lock} and sleeps between tries rather than blocking in {@code pg_advisory_lock}: a
     * blocked call is a statement with a snapshot, and {@code CREATE INDEX CONCURRENTLY} in the lock holder's run
     * waits for every older snapshot in the database, so waiting runs would hang the holder until they gave up.
     */
    public static AdvisoryLock acquire(ConnectionSettings settings, String historyTable, Duration timeout) {
        Connection connection = settings.connect();
        try {
            connection.setAutoCommit(true);
            long deadline = System.nanoTime() + timeout.toNanos();
            long pauseMs = FIRST_PAUSE_MS;
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, keyOf(historyTable));
                while (!taken(ps)) {
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
            throw new PmovesException("Cannot take the migration lock of " + historyTable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            closeQuietly(connection);
            Thread.currentThread().interrupt();
            throw new PmovesException("Interrupted while waiting for the migration lock of " + historyTable + ".", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static boolean taken(PreparedStatement tryLock) throws SQLException {
        try (ResultSet rs = tryLock.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The advisory lock key of a history table. */
    public static long keyOf(String historyTable) {
        CRC32 crc = new CRC32();
        crc.update(historyTable.getBytes(StandardCharsets.UTF_8));
        return NAMESPACE | crc.getValue();
    }

    @Override
    public void close() {
        // Closing the session releases the lock; no explicit pg_advisory_unlock round trip needed.
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
