package ai.pmoves.engine.db;

import ai.pmoves.engine.PmovesException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A connection being opened on a thread of its own while the caller reads the project's files: in the fresh JVM of
 * each {@code mvn} run the driver's first connection spends about 0.2 s loading and running cold code, as long as
 * hashing a thousand migrations takes, and the two need not wait for each other.
 */
public final class PendingConnection implements AutoCloseable {
    private final ConnectionSettings settings;
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private boolean handedOver;

    private PendingConnection(ConnectionSettings settings) {
        this.settings = settings;
    }

    /** Starts opening a connection of {@code settings}. */
    public static PendingConnection open(ConnectionSettings settings) {
        PendingConnection pending = new PendingConnection(settings);
        Thread opener = new Thread(pending::connect, "pmoves-connect");
        opener.setDaemon(true);
        // the driver is found through the context class loader: the plugin's, as on the calling thread
        opener.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        opener.start();
        return pending;
    }

    private void connect() {
        try {
            Connection opened = settings.connect();
            if (!connection.complete(opened)) {
                closeQuietly(opened); // the caller gave up on it
            }
        } catch (Throwable e) {
            connection.completeExceptionally(e);
        }
    }

    /** Waits for the connection, which the caller then owns; throws what opening it threw. */
    public Connection join() {
        try {
            Connection opened = connection.get();
            handedOver = true;
            return opened;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new PmovesException("Cannot connect to " + settings.maskedUrl() + ": "
                    + ConnectionSettings.mask(String.valueOf(e.getCause())), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PmovesException("Interrupted while connecting to " + settings.maskedUrl() + ".", e);
        }
    }

    /**
     * Closes the connection unless {@link #join()} handed it over: when the caller fails before it needs the
     * database (a bad file), it neither waits for a slow server nor leaves a connection open.
     */
    @Override
    public void close() {
        if (handedOver || connection.cancel(false)) {
            return;
        }
        try {
            closeQuietly(connection.get());
        } catch (ExecutionException | CancellationException e) {
            // nothing was opened
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection opened) {
        try {
            opened.close();
        } catch (SQLException ignored) {
            // the server drops a session whose socket closes
        }
    }
}
