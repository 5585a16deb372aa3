package ai.pmoves.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 17 in a container, for machines where a Docker engine answers. Stopped by Testcontainers' reaper. */
final class DockerPostgres {
    private DockerPostgres() {
    }

    @SuppressWarnings("resource") // lives as long as the JVM
    static TestPostgres.Server start() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new TestPostgres.Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword(), "Testcontainers " + container.getDockerImageName());
    }
}
