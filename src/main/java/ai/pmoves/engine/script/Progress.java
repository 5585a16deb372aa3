package ai.pmoves.engine.script;

import ai.pmoves.engine.EngineLog;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lines about long work while it goes on, so a 1 GB seed or an index build is never silent: a COPY says its rows,
 * megabytes and rate, any other statement the time it has run, every {@link #EVERY} (10 s). Work shorter than that
 * says nothing.
 */
public final class Progress implements AutoCloseable {
    /** How often a line comes. */
    public static final Duration EVERY = Duration.ofSeconds(10);
    /** No lines at all. */
    public static final Progress NONE = new Progress(EngineLog.SILENT, Duration.ZERO);

    private static final double MEGABYTE = 1_000_000.0;

    private final EngineLog log;
    private final long everyNanos;
    private ScheduledExecutorService timer;

    private Progress(EngineLog log, Duration every) {
        this.log = log;
        this.everyNanos = every.toNanos();
    }

    /** Lines to {@code log} every {@code every}: {@link #EVERY} in a run, less in a test. */
    public static Progress every(Duration every, EngineLog log) {
        return new Progress(log, every);
    }

    /**
     * The COPY data of the statement at {@code where} ({@code db/big_seed.sql:12}), counted as the driver reads it; a
     * line each interval says how far it got. The rows are the data's lines, the megabytes its characters.
     */
    public Reader copy(String where, Reader data) {
        return everyNanos <= 0 ? data : new CountingReader(data, where);
    }

    /**
     * Says, every interval until the returned handle is closed, that the statement at {@code where} still runs and
     * for how long. Closing it is all the caller does once the statement is done.
     */
    public Running statement(String where) {
        return statement(() -> where);
    }

    /**
     * As {@link #statement(String)}, for statements sent together: {@code where} names the one running when a line is
     * due.
     */
    public synchronized Running statement(Supplier<String> where) {
        if (everyNanos <= 0) {
            return () -> { };
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pmoves-progress");
                t.setDaemon(true); // never keeps the build's JVM alive
                return t;
            });
        }
        long start = System.nanoTime();
        ScheduledFuture<?> task = timer.scheduleAtFixedRate(() -> log.info(where.get() + ": still running, "
                        + seconds(System.nanoTime() - start) + " so far"), everyNanos, everyNanos,
                TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    /** A statement being watched: closing it ends its lines. */
    public interface Running extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private static String seconds(long nanos) {
        return (nanos / 1_000_000_000L) + " s";
    }

    /** The data as it goes to the server, with a line when an interval has passed since the last. */
    private final class CountingReader extends FilterReader {
        private final String where;
        private final long start = System.nanoTime();
        private long next = start + everyNanos;
        private long rows;
        private long chars;

        CountingReader(Reader data, String where) {
            super(data);
            this.where = where;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    rows++;
                }
            }
            if (n > 0) {
                chars += n;
                say();
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                chars++;
                rows += c == '\n' ? 1 : 0;
                say();
            }
            return c;
        }

        private void say() {
            long now = System.nanoTime();
            if (now < next) {
                return;
            }
            next = now + everyNanos;
            double seconds = Math.max(now - start, 1) / 1e9;
            log.info(String.format(Locale.ROOT, "%s: COPY still running: %,d rows, %.1f MB so far, %.1f MB/s",
                    where, rows, chars / MEGABYTE, chars / MEGABYTE / seconds));
        }
    }
}
