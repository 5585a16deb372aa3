package ai.pmoves.engine.server;

import java.nio.file.Path;
import java.util.List;

/**
 * An embedded server started in a JVM of its own, for {@link ReaperTest} to kill: {@code EmbeddedServerProcess
 * BINARIES-JAR SERVER-LOG}, through the engine's class loader as the plugin does. Prints {@code STARTED} once the server
 * runs, then waits to be killed.
 */
public final class EmbeddedServerProcess {
    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedEngine.start(List.of(), Path.of(args[0]), "17.6.0", 0, Path.of(args[1]), ServerHome.defaultLocation());
        System.out.println("STARTED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
