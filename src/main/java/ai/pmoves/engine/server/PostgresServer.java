package ai.pmoves.engine.server;

import java.security.SecureRandom;
import java.util.Base64;

/** A throwaway PostgreSQL started for a build: where to connect, and how to stop it. */
public interface PostgresServer extends AutoCloseable {
    /** A superuser password for a new server: 144 random bits, URL-safe, so it needs no quoting anywhere. */
    static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** JDBC URL of its {@code postgres} database. */
    String url();

    String user();

    /** Made for this server when it started; never printed. */
    String password();

    int port();

    /** e.g. {@code embedded PostgreSQL 17.6.0} or {@code Docker supabase/postgres:15.8.1.085}. */
    String description();

    /** Stops the server and removes its data; safe to call twice. */
    @Override
    void close();
}
