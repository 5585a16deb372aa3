package ai.pmoves.engine.locks;

import ai.pmoves.engine.db.ConnectionSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches, from a connection of its own, whether a session waits for a lock, and keeps the last {@link LockQueue} it
 * saw. Once the server gives up the wait (lock timeout) the session no longer waits, so what it waited for can only be
 * read while it does: the watch looks several times within each timeout, and the last look is what the failure names.
 * Opened only when a lock timeout is set; closed with the run.
 */
public final class LockWatch implements AutoCloseable {
    private static final String WAITING = """
            SELECT l.locktype, l.mode,
                   CASE WHEN c.oid IS NULL THEN NULL ELSE format('%I.%I', n.nspname, c.relname) END
            FROM pg_catalog.pg_locks l
            LEFT JOIN pg_catalog.pg_class c ON c.oid = l.relation
            LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE l.pid = ? AND NOT l.granted
            LIMIT 1""";
    private static final String AHEAD = """
            SELECT a.pid, a.application_name, a.usename, a.state,
                   coalesce(extract(epoch FROM now() - a.xact_start)::bigint, -1), a.query
            FROM pg_catalog.pg_stat_activity a
            WHERE a.pid = ANY (pg_catalog.pg_blocking_pids(?))
            ORDER BY a.xact_start NULLS LAST, a.pid""";
    private static final Duration MIN_INTERVAL = Duration.ofMillis(50);
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(1);

    private final ConnectionSettings settings;
    private final Duration interval;
    private Connection connection;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> task;
    private volatile LockQueue last;

    /** A watch that looks several times within {@code timeout}; it connects on the first {@link #start}. */
    public LockWatch(ConnectionSettings settings, Duration timeout) {
        this.settings = settings;
        Duration quarter = timeout.dividedBy(4);
        this.interval = quarter.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL
                : quarter.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : quarter;
    }

    /** Starts watching the server process {@code pid}, forgetting what an earlier watch saw. */
    public synchronized void start(int pid) {
        stop();
        last = null;
        if (executor == null) {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "pmoves-lock-watch");
                t.setDaemon(true);
                return t;
            });
            pool.setRemoveOnCancelPolicy(true);
            executor = pool;
        }
        task = executor.scheduleWithFixedDelay(() -> look(pid), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops watching; what it saw stays readable. */
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** The last wait seen since {@link #start}, or null when the session was never seen waiting. */
    public LockQueue lastSeen() {
        return last;
    }

    /** Reads once what {@code pid} waits for, on the watch's connection; null when it waits for nothing. */
    public LockQueue read(int pid) throws SQLException {
        if (connection == null) {
            connection = settings.connect("lock watch");
        }
        String locktype;
        String mode;
        String relation;
        try (PreparedStatement ps = connection.prepareStatement(WAITING)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                locktype = rs.getString(1);
                mode = rs.getString(2);
                relation = rs.getString(3);
            }
        }
        List<LockQueue.Session> ahead = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(AHEAD)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ahead.add(new LockQueue.Session(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getString(6)));
                }
            }
        }
        return new LockQueue(relation, locktype, mode, List.copyOf(ahead));
    }

    private void look(int pid) {
        try {
            LockQueue seen = read(pid);
            // A look can see the wait and then, its second query a moment later, no one ahead: the wait gave up in
            // between. The earlier look that saw who was in the way says more, and stays.
            if (seen != null && !(seen.ahead().isEmpty() && last != null && !last.ahead().isEmpty())) {
                last = seen;
            }
        } catch (SQLException | RuntimeException e) {
            // the failure report says it could not tell what the wait was; the migration's own error is the one to show
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the server ends the session when its socket closes
            }
        }
    }
}
