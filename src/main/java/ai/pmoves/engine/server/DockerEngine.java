package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.io.File;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Optional;

/** Whether a Docker engine answers here, checked before anything Docker-related is loaded. */
public final class DockerEngine {
    /** What the docker engine needs among the plugin's dependencies, as a user would write it. */
    public static final String DEPENDENCY = "add <dependency><groupId>org.testcontainers</groupId><artifactId>"
            + "testcontainers-postgresql</artifactId><version>2.0.5</version></dependency> to the plugin's"
            + " <dependencies>";

    private DockerEngine() {
    }

    /** Fails with a message naming engine=embedded when no Docker engine answers, or Testcontainers is absent. */
    public static void requireAvailable(Map<String, String> env) {
        Optional<String> whyNot = whyNot(env);
        if (whyNot.isPresent()) {
            throw new PmovesException(whyNot.get());
        }
    }

    /** Whether a Docker engine answers and Testcontainers is there to start a container on it. */
    public static boolean available(Map<String, String> env) {
        return whyNot(env).isEmpty();
    }

    private static Optional<String> whyNot(Map<String, String> env) {
        String host = env.get("DOCKER_HOST");
        boolean answers;
        if (host != null && !host.isBlank() && !host.startsWith("unix://")) {
            answers = true; // a TCP engine: let Testcontainers find out
        } else {
            String socket = host != null && host.startsWith("unix://") ? host.substring(7) : "/var/run/docker.sock";
            answers = socketAnswers(socket);
        }
        if (!answers) {
            return Optional.of("engine=docker, but no Docker engine answers here (DOCKER_HOST "
                    + (host == null ? "unset" : host) + ", /var/run/docker.sock not reachable). Use engine=embedded"
                    + " (-Dpmoves.engine=embedded), which runs PostgreSQL without Docker.");
        }
        try {
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false, DockerEngine.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.of("engine=docker needs Testcontainers: " + DEPENDENCY + ", or use engine=embedded.");
        }
    }

    private static boolean socketAnswers(String path) {
        if (!new File(path).exists()) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(path));
        } catch (Exception e) {
            return false;
        }
    }
}
