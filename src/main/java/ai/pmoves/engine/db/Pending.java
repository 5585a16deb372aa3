package ai.pmoves.engine.db;

import ai.pmoves.engine.PmovesException;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A connection, or the migration lock, being opened on a thread of its own while the caller reads the project's files:
 * in the fresh JVM of each {@code mvn} run the driver's first connection spends about 0.2 s loading and running cold
 * code, as long as hashing a thousand migrations takes, and the lock's connection and first query another 50 ms or
 * more; none of them need wait for the others.
 *
 * @param <T> what is opened; closed here unless {@link #join()} handed it over
 */
public final class Pending<T extends AutoCloseable> implements AutoCloseable {
    private final CompletableFuture<T> opened = new CompletableFuture<>();
    private final Thread opener;
    private boolean handedOver;

    private Pending(Supplier<T> opening, String threadName) {
        opener = new Thread(() -> open(opening), threadName);
        opener.setDaemon(true);
        // the driver is found through the context class loader: the plugin's, as on the calling thread
        opener.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        opener.start();
    }

    /** Starts opening a connection of {@code settings}. */
    public static Pending<Connection> connection(ConnectionSettings settings) {
        return new Pending<>(settings::connect, "pmoves-connect");
    }

    /** Starts waiting, up to {@code timeout}, for the migration lock of {@code historyTable} (see {@link AdvisoryLock}). */
    public static Pending<AdvisoryLock> lock(ConnectionSettings settings, String historyTable, Duration timeout) {
        return new Pending<>(() -> AdvisoryLock.acquire(settings, historyTable, timeout), "pmoves-lock");
    }

    private void open(Supplier<T> opening) {
        try {
            T result = opening.get();
            if (!opened.complete(result)) {
                closeQuietly(result); // the caller gave up on it
            }
        } catch (Throwable e) {
            opened.completeExceptionally(e);
        }
    }

    /** Waits for what is being opened, which the caller then owns; throws what opening it threw. */
    public T join() {
        try {
            T result = opened.get();
            handedOver = true;
            return result;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause(); // a Supplier throws nothing else
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PmovesException("Interrupted while waiting for " + opener.getName() + ".", e);
        }
    }

    /**
     * Closes what was opened unless {@link #join()} handed it over: when the caller fails before it needs the
     * database (a bad file), it neither waits for a slow server or another run's lock, nor leaves anything open.
     */
    @Override
    public void close() {
        if (handedOver) {
            return;
        }
        if (opened.cancel(false)) {
            opener.interrupt(); // a wait for the lock ends now; what still gets opened is closed by the opener
            return;
        }
        try {
            closeQuietly(opened.get());
        } catch (ExecutionException | CancellationException e) {
            // nothing was opened
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // a server drops a session, and the lock with it, when its socket closes
        }
    }
}
