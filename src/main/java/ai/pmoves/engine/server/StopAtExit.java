package ai.pmoves.engine.server;

import java.util.function.BooleanSupplier;

/**
 * A build that fails after pmoves:start never reaches pmoves:stop: the server is stopped when the JVM exits, and one
 * line says so. The hook uses only JDK classes and what is loaded now, since Maven may have closed the plugin's class
 * loader by then, and it prints to the standard output itself, where Maven's log goes, for the same reason. Public:
 * {@link EmbeddedServer} is defined by its own class loader, so a package-private class is out of its reach.
 */
public final class StopAtExit {
    private StopAtExit() {
    }

    /**
     * @param description the server as the log names it, e.g. {@code embedded PostgreSQL 17.6.0}
     * @param stop        stops the server; false when it was already stopped (pmoves:stop ran)
     */
    public static void register(String description, int port, BooleanSupplier stop) {
        String line = "[INFO] The build ended without pmoves:stop: stopped the " + description + " on port " + port
                + ", which pmoves:start started.";
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stop.getAsBoolean()) {
                System.out.println(line);
            }
        }, "pmoves-postgres-stop"));
    }
}
