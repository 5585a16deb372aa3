package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway cluster made with the {@code initdb} and {@code pg_ctl} of a PostgreSQL installed on this machine
 * ({@link SystemInstallation}), so the extensions its packages bring (pgvector, pg_cron, pgTAP, …) are there. It keeps
 * the embedded engine's guarantees: 127.0.0.1 only, no Unix socket, a password made for it, its data in the build
 * user's private {@link ServerHome}, a watchdog and the reaper, the data deleted by {@code stop}, and stopped when the
 * JVM exits.
 * <p>
 * initdb refuses to run as root, and CI containers often run as root: there the server runs as the OS user
 * {@value #SERVER_USER}, which the distributions' PostgreSQL packages create, and only its data directory is that
 * user's.
 */
public final class SystemServer implements PostgresServer {
    /** The OS user a server runs as when the build runs as root. */
    public static final String SERVER_USER = "postgres";
    private static final int STOP_SECONDS = 20;

    private final SystemInstallation installation;
    private final Path workDirectory;
    private final Process watchdog;
    private final String runAs;
    private final int port;
    private final String password;
    private final Path serverLog;
    private boolean closed;

    private SystemServer(SystemInstallation installation, Path workDirectory, Process watchdog, String runAs, int port,
                         String password, Path serverLog) {
        this.installation = installation;
        this.workDirectory = workDirectory;
        this.watchdog = watchdog;
        this.runAs = runAs;
        this.port = port;
        this.password = password;
        this.serverLog = serverLog;
    }

    /**
     * @param port            0 for any free port
     * @param serverLog       where initdb's and the server's output go (readable by the build user only)
     * @param serverDirectory the build user's private folder (see {@link ServerHome})
     * @param settings        more server settings, e.g. {@code shared_preload_libraries}
     */
    public static SystemServer start(SystemInstallation installation, int port, Path serverLog, Path serverDirectory,
                                     Map<String, String> settings) {
        ServerHome.requireTrustedPath(installation.bin(), "the PostgreSQL binaries of");
        String runAs = "root".equals(System.getProperty("user.name")) ? serverUser() : null;
        ServerHome home = ServerHome.at(homeFor(serverDirectory, runAs != null));
        Path workDirectory = null;
        Process watchdog = null;
        try {
            Reaper.reapOrphans(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);
            workDirectory = Files.createTempDirectory(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);
            Reaper.claim(workDirectory);
            ServerHome.privateFile(serverLog);
            watchdog = Reaper.watch(workDirectory, serverLog);
            Path data = Files.createDirectory(workDirectory.resolve(Reaper.DATA_DIRECTORY),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            String password = PostgresServer.newPassword();
            Path passwordFile = workDirectory.resolve("password");
            ServerHome.privateFile(passwordFile);
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            if (runAs != null) {
                Reaper.runsAs(workDirectory, runAs);
                home.openPathToServers();
                Files.setPosixFilePermissions(workDirectory, PosixFilePermissions.fromString("rwx--x--x"));
                giveTo(runAs, data);
                giveTo(runAs, passwordFile);
            }
            try {
                run(runAs, workDirectory, serverLog, installation.tool("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                        "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C");
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            int listenPort = port == 0 ? freePort() : port;
            Map<String, String> conf = new LinkedHashMap<>();
            // the loopback address only, and no Unix socket: nothing else on the machine can reach it but through TCP
            // with the password; a failed statement's text and error stay out of its log (see EmbeddedServer)
            conf.put("listen_addresses", "'127.0.0.1'");
            conf.put("port", Integer.toString(listenPort));
            conf.put("unix_socket_directories", "''");
            conf.put("log_min_messages", "log");
            conf.put("log_min_error_statement", "panic");
            conf.put("wal_level", "logical");
            settings.forEach((k, v) -> conf.put(k, "'" + v.replace("'", "''") + "'"));
            StringBuilder lines = new StringBuilder("\n# pmoves:start\n");
            conf.forEach((k, v) -> lines.append(k).append(" = ").append(v).append('\n'));
            Files.writeString(data.resolve("postgresql.conf"), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            run(runAs, workDirectory, serverLog, installation.tool("pg_ctl").toString(), "-D", data.toString(), "-w",
                    "-t", "60",
                    "start");
            SystemServer server = new SystemServer(installation, workDirectory, watchdog, runAs, listenPort, password,
                    serverLog);
            // as the embedded engine's: stop at JVM exit, the watchdog deletes once the JVM is gone
            StopAtExit.register(server.description(), listenPort, () -> server.stop(false));
            return server;
        } catch (IOException | RuntimeException e) {
            Reaper.release(watchdog, workDirectory, true);
            throw e instanceof PmovesException p ? p : new PmovesException("Cannot start the " + installation + ": "
                    + e + ". Its output is in " + serverLog + ".", e);
        }
    }

    /**
     * The settings that preload, of the extensions that must be loaded at start ({@link Preloads#LIBRARIES}), those
     * the files create and the installation has: a project's {@code CREATE EXTENSION pg_cron} then gets the real one.
     */
    public static Map<String, String> preloads(SystemInstallation installation, Set<String> created) {
        return Preloads.settings(created, l -> installation.hasLibrary(l) && installation.hasExtension(l));
    }

    /**
     * Where the data goes: {@code serverDirectory}; but a server that runs as another OS user than root cannot reach
     * root's home (mode 0700), so the default folder is then {@code pmoves-root} in the temporary folder, root's, which
     * others may traverse but neither list nor write (mode 0711; /tmp is sticky, so no one else can replace it).
     */
    public static Path homeFor(Path serverDirectory, boolean asAnotherUser) {
        return asAnotherUser && serverDirectory.equals(ServerHome.defaultLocation())
                ? Path.of(System.getProperty("java.io.tmpdir"), "pmoves-" + System.getProperty("user.name"))
                : serverDirectory;
    }

    /** The OS user to run the server as when the build runs as root, or why there is none. */
    private static String serverUser() {
        try {
            java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER);
            return SERVER_USER;
        } catch (IOException e) {
            throw new PmovesException("engine=system: initdb refuses to run as root, and this build runs as root. The"
                    + " server then runs as the OS user '" + SERVER_USER + "', which the distributions' PostgreSQL"
                    + " packages create, but there is none here. Create it (useradd --system --user-group --home-dir"
                    + " /var/lib/postgresql " + SERVER_USER + "), or run the build as another user, or use"
                    + " engine=embedded.");
        }
    }

    private static void giveTo(String user, Path path) throws IOException {
        var lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(user);
        Files.setOwner(path, owner);
    }

    /**
     * Runs a PostgreSQL tool in {@code directory} (the tools look for their own working directory, which the server's
     * user must reach), as {@code runAs} when given (setpriv, from util-linux); its output to the log.
     */
    private static void run(String runAs, Path directory, Path log, String... command) throws IOException {
        List<String> args = new ArrayList<>();
        if (runAs != null) {
            args.addAll(List.of("setpriv", "--reuid=" + runAs, "--regid=" + runAs, "--init-groups", "--"));
        }
        args.addAll(List.of(command));
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(log.toFile());
        Process p = new ProcessBuilder(args).directory(directory.toFile()).redirectOutput(toLog).redirectError(toLog)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(nullDevice()))).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PmovesException(Path.of(command[0]).getFileName() + " did not finish within 90 seconds; its"
                        + " output is in " + log + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PmovesException("Interrupted while " + Path.of(command[0]).getFileName() + " ran.", e);
        }
        if (p.exitValue() != 0) {
            throw new PmovesException(Path.of(command[0]).getFileName() + " failed (exit " + p.exitValue() + "): "
                    + lastLines(log) + " The whole output is in " + log + ".");
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase().contains("windows") ? "NUL" : "/dev/null";
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
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
        return port;
    }

    @Override
    public String description() {
        return "system PostgreSQL " + installation.version() + " (" + installation.bin() + ")";
    }

    /** The installation it runs from, for the extensions it has. */
    public SystemInstallation installation() {
        return installation;
    }

    @Override
    public void close() {
        stop(true);
    }

    /** Stops the server unless it is stopped already; whether it stopped it now. */
    private synchronized boolean stop(boolean delete) {
        if (closed) {
            return false;
        }
        closed = true;
        try {
            run(runAs, workDirectory, serverLog, installation.tool("pg_ctl").toString(), "-D",
                    workDirectory.resolve(Reaper.DATA_DIRECTORY).toString(), "-m", "fast", "-w", "-t",
                    Integer.toString(STOP_SECONDS), "stop");
        } catch (IOException e) {
            throw new PmovesException("Cannot stop the " + description() + ": " + e.getMessage(), e);
        } finally {
            Reaper.release(watchdog, workDirectory, delete);
        }
        return true;
    }
}
