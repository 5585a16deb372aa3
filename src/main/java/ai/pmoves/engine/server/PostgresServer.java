package ai.pmoves.engine.server;

/** A throwaway PostgreSQL started for a build: where to connect, and how to stop it. */
public interface PostgresServer extends AutoCloseable {
    /** JDBC URL of its {@code postgres} database. */
    String url();

    String user();

    String password();

    int port();

    /** e.g. {@code embedded PostgreSQL 17.6.0} or {@code Docker supabase/postgres:15.8.1.085}. */
    String description();

    /** Stops the server and removes its data; safe to call twice. */
    @Override
    void close();
}
