package ai.pmoves.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code pgbouncer} in front of the test server, on a free loopback port, with a configuration file of its
 * own (never the system service's). Hostile on purpose: {@code server_round_robin} and a pool of several server
 * connections, so consecutive transactions of one client land on different server sessions.
 */
public final class PgBouncer implements AutoCloseable {
    /** What to install when the binary is missing. */
    public static final String INSTALL = "apt-get install pgbouncer";
    /** Server sessions per database and user. */
    public static final int POOL_SIZE = 5;

    private final Process process;
    private final int port;
    private final Path log;

    private PgBouncer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The pgbouncer binary on PATH or in /usr/sbin, or null when it is not installed. */
    public static Path binary() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "pgbouncer"));
            }
        }
        candidates.add(Path.of("/usr/sbin/pgbouncer"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /**
     * Starts pgbouncer in {@code poolMode} ({@code session}, {@code transaction} or {@code statement}) for every
     * database of {@code server}, its files in {@code directory}.
     */
    public static PgBouncer start(TestPostgres.Server server, String poolMode, Path directory) throws Exception {
        return start(server, poolMode, POOL_SIZE, directory);
    }

    /** {@link #start(TestPostgres.Server, String, Path)} with {@code poolSize} server sessions per database and user. */
    public static PgBouncer start(TestPostgres.Server server, String poolMode, int poolSize, Path directory)
            throws Exception {
        Path binary = binary();
        if (binary == null) {
            throw new IllegalStateException("pgbouncer is not installed: " + INSTALL);
        }
        // pgbouncer refuses to run as root; as root it is told to drop to nobody, after it has read its files: they
        // hold the server's password, and stay ours alone
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createDirectories(directory);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path users = dir.resolve("userlist.txt");
        Files.writeString(users, "\"" + server.user() + "\" \"" + server.password() + "\"\n");
        int port = freePort();
        Path ini = dir.resolve("pgbouncer.ini");
        Files.writeString(ini, String.join("\n",
                "[databases]",
                "* = host=" + ("localhost".equals(server.host()) ? "127.0.0.1" : server.host()) + " port=" + server.port(),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                // the clients give the server's password too: the pooler lets no one in that the server would not
                "auth_type = scram-sha-256",
                "auth_file = " + users,
                "pool_mode = " + poolMode,
                "default_pool_size = " + poolSize,
                // a client that waits for a server session longer than this gets an error (PgBouncer's default: 120)
                "query_wait_timeout = " + (poolSize < 2 ? 3 : 120),
                "max_client_conn = 200",
                "server_round_robin = 1",
                // pgjdbc sends it at startup; pgbouncer would refuse the connection without this line
                "ignore_startup_parameters = extra_float_digits",
                "admin_users = " + server.user(),
                ""));
        for (Path p : List.of(users, ini)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        Path log = dir.resolve("pgbouncer.log");
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if (root) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(ini.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PgBouncer bouncer = new PgBouncer(process, port, log);
        bouncer.awaitListening();
        return bouncer;
    }

    /** A URL of {@code database} through the pooler. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** What pgbouncer logged so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitListening() throws Exception {
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer ended at start: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("pgbouncer does not listen on " + port + " after 10 s: " + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: immediate shutdown, server connections closed
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
