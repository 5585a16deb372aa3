package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.io.File;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Map;

/** Whether a Docker engine answers here, checked before anything Docker-related is loaded. */
public final class DockerEngine {
    private DockerEngine() {
    }

    /** Fails with a message naming engine=embedded when no Docker engine answers, or Testcontainers is absent. */
    public static void requireAvailable(Map<String, String> env) {
        String host = env.get("DOCKER_HOST");
        boolean answers;
        if (host != null && !host.isBlank() && !host.startsWith("unix://")) {
            answers = true; // a TCP engine: let Testcontainers find out
        } else {
            String socket = host != null && host.startsWith("unix://") ? host.substring(7) : "/var/run/docker.sock";
            answers = socketAnswers(socket);
        }
        if (!answers) {
            throw new PmovesException("engine=docker, but no Docker engine answers here (DOCKER_HOST "
                    + (host == null ? "unset" : host) + ", /var/run/docker.sock not reachable). Use engine=embedded"
                    + " (-Dpmoves.engine=embedded), which runs PostgreSQL without Docker.");
        }
        try {
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false, DockerEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new PmovesException("engine=docker needs Testcontainers: add <dependency><groupId>org.testcontainers"
                    + "</groupId><artifactId>testcontainers-postgresql</artifactId><version>2.0.5</version></dependency>"
                    + " to the plugin's <dependencies>, or use engine=embedded.");
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
