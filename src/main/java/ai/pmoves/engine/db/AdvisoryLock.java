package ai.pmoves.engine.db;

import ai.pmoves.engine.PmovesException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
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

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits up to {@code timeout} for the lock of {@code historyTable}, on a new connection. */
    public static AdvisoryLock acquire(ConnectionSettings settings, String historyTable, Duration timeout) {
        Connection connection = settings.connect();
        try {
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.execute("SET lock_timeout = " + Math.max(1, timeout.toMillis()));
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, keyOf(historyTable));
                ps.execute();
            }
            return new AdvisoryLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            if ("55P03".equals(e.getSQLState())) {
                throw new PmovesException("Another run holds the migration lock of " + historyTable + " and did not"
                        + " release it within " + timeout.toSeconds() + " s (pmoves.lockTimeout). Wait for it to finish,"
                        + " or raise pmoves.lockTimeout.", e);
            }
            throw new PmovesException("Cannot take the migration lock of " + historyTable + ": " + e.getMessage(), e);
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
