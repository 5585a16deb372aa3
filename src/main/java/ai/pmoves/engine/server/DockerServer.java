package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a Docker container through Testcontainers; by default a {@code supabase/postgres} image, which
 * brings the real Supabase roles and schemas. Testcontainers is not a dependency of the plugin (it is large and most
 * builds never use it): a project that wants {@code engine=docker} adds {@code org.testcontainers:testcontainers-postgresql}
 * to the plugin's dependencies.
 */
public final class DockerServer implements PostgresServer {
    private final PostgreSQLContainer container;

    private DockerServer(PostgreSQLContainer container) {
        this.container = container;
    }

    public static DockerServer start(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("postgres").withUsername("postgres").withPassword(PostgresServer.newPassword());
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new PmovesException("Cannot start the Docker image " + image + ": " + e.getMessage()
                    + ". Use engine=embedded to run PostgreSQL without Docker.", e);
        }
        return new DockerServer(container);
    }

    @Override
    public String url() {
        return container.getJdbcUrl();
    }

    @Override
    public String user() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public int port() {
        return container.getMappedPort(5432);
    }

    @Override
    public String description() {
        return "Docker " + container.getDockerImageName();
    }

    @Override
    public void close() {
        container.stop();
    }
}
