package ai.pmoves.engine.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops an embedded server whose JVM died without stopping it (a build killed with SIGKILL runs no shutdown hook),
 * and deletes its work directory. Two ways, so that neither a lost watchdog nor a lost marker leaves a server behind:
 * <ul>
 *   <li>a watchdog: a small JVM started with the server ({@link #watch}), which waits for its standard input to close;
 *       the build's JVM holds the other end, which the operating system closes when that JVM ends, however it ends;
 *   <li>an owner file in each work directory: a later start stops and deletes the servers of JVMs that are gone
 *       ({@link #reapOrphans}).
 * </ul>
 * JDK classes only: the watchdog runs with nothing but this class on its class path. Public, because
 * {@link EmbeddedServer} is defined by the engine's own class loader, in a package of the same name but not the same.
 */
public final class Reaper {
    /** In the work directory: {@code PID START-INSTANT} of the JVM that started the server. */
    public static final String OWNER_FILE = "owner";
    public static final String DATA_DIRECTORY = "data";
    /**
     * In the work directory, when the server runs as another OS user than the build (a build as root: initdb refuses
     * root): that user's name. Written by the build in its own folder, so believed.
     */
    public static final String SERVER_USER_FILE = "server-user";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

    private Reaper() {
    }

    /** The watchdog: {@code Reaper WORK-DIRECTORY}. */
    public static void main(String[] args) throws IOException {
        Path workDirectory = Path.of(args[0]);
        // returns at end of input: the server was stopped (the JVM closed its end) or the JVM is gone
        System.in.transferTo(OutputStream.nullOutputStream());
        reap(workDirectory);
    }

    /** Marks {@code workDirectory} as this JVM's, for {@link #reapOrphans}. */
    public static void claim(Path workDirectory) throws IOException {
        Files.writeString(workDirectory.resolve(OWNER_FILE), identity(ProcessHandle.current()),
                StandardCharsets.UTF_8);
    }

    /**
     * Starts the watchdog of {@code workDirectory}; closing the returned process's output stream (or the end of this
     * JVM) lets it reap. Its own messages go to {@code log}.
     */
    public static Process watch(Path workDirectory, Path log) throws IOException {
        String javaHome = System.getProperty("java.home");
        String classPath;
        try {
            classPath = Path.of(Reaper.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the classes of " + Reaper.class.getName() + ": " + e, e);
        }
        return new ProcessBuilder(Path.of(javaHome, "bin", "java").toString(), "-Xmx16m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classPath, Reaper.class.getName(), workDirectory.toString())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * Stops and deletes every server under {@code serversDirectory} (work directories named {@code prefix*}) whose JVM
     * has ended; returns their work directories. Only real directories of this user count (the folder is private,
     * see {@link ServerHome}, but a file is not trusted for being there). Directories without an owner file (one being
     * created, or of another tool) are left alone, and so are those of JVMs still running.
     */
    public static List<Path> reapOrphans(Path serversDirectory, String prefix) {
        List<Path> reaped = new ArrayList<>();
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(serversDirectory, prefix + "*")) {
            for (Path workDirectory : candidates) {
                if (!ServerHome.ownedDirectory(workDirectory)) {
                    continue;
                }
                Optional<String> owner = readOwner(workDirectory);
                if (owner.isPresent() && !alive(owner.get())) {
                    reap(workDirectory);
                    reaped.add(workDirectory);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // an unreadable temporary folder: nothing to reap there
        }
        return reaped;
    }

    /** Lets the watchdog go, which reaps what is left of {@code workDirectory}: with {@code delete}, nothing. */
    public static void release(Process watchdog, Path workDirectory, boolean delete) {
        if (workDirectory != null && delete) {
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

    /** Marks {@code workDirectory}'s server as run by the OS user {@code serverUser}. */
    public static void runsAs(Path workDirectory, String serverUser) throws IOException {
        Files.writeString(workDirectory.resolve(SERVER_USER_FILE), serverUser, StandardCharsets.UTF_8);
    }

    /** Stops the server of {@code workDirectory} if one still runs there, then deletes the directory. */
    public static void reap(Path workDirectory) {
        postmaster(workDirectory).ifPresent(Reaper::stop);
        delete(workDirectory);
    }

    /** The running postmaster of a work directory: the pid in postmaster.pid, if that process is its postmaster. */
    private static Optional<ProcessHandle> postmaster(Path workDirectory) {
        Path dataDirectory = workDirectory.resolve(DATA_DIRECTORY);
        String user;
        try {
            user = Files.readString(workDirectory.resolve(SERVER_USER_FILE), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            user = System.getProperty("user.name");
        }
        String serverUser = user;
        try (Stream<String> lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            long pid = Long.parseLong(lines.findFirst().orElse("").trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> isPostmasterOf(p.info(), dataDirectory, serverUser));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no pid file: the server stopped cleanly, or never started
        }
    }

    /**
     * Whether a process is the postmaster of {@code dataDirectory}: a {@code postgres} run by {@code serverUser} (this
     * JVM's user, unless the server was started as another) with {@code -D} that directory (as pg_ctl starts it). A pid
     * file may name any process, so the process has to say so itself before it is signalled.
     */
    static boolean isPostmasterOf(ProcessHandle.Info process, Path dataDirectory, String serverUser) {
        boolean postgres = process.command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres")).orElse(false);
        boolean ours = process.user().map(serverUser::equals).orElse(false);
        boolean ofThisData = process.arguments().map(args -> {
            for (int i = 0; i + 1 < args.length; i++) {
                if ("-D".equals(args[i]) && samePath(args[i + 1], dataDirectory)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
        return postgres && ours && ofThisData;
    }

    private static boolean samePath(String argument, Path dataDirectory) {
        return Path.of(argument).toAbsolutePath().normalize().equals(dataDirectory.toAbsolutePath().normalize());
    }

    /** SIGTERM (a clean shutdown: its clients are gone with their JVM), then SIGKILL if it is still there. */
    private static void stop(ProcessHandle postmaster) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            postmaster.destroyForcibly();
        }
    }

    /**
     * Deletes a work directory of this user and what it holds; links in it are removed, never followed (Files.walk
     * does not follow them). A link or another user's directory in its place is left alone.
     */
    public static void delete(Path directory) {
        if (!ServerHome.ownedDirectory(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // gone already, or a leftover temporary folder: not worth failing for
        }
    }

    private static Optional<String> readOwner(Path workDirectory) {
        try {
            return Optional.of(Files.readString(workDirectory.resolve(OWNER_FILE), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the JVM an owner file names still runs: same pid and same start, so a reused pid does not count. */
    private static boolean alive(String owner) {
        long pid;
        try {
            pid = Long.parseLong(owner.split(" ")[0]);
        } catch (NumberFormatException e) {
            return true; // not ours to judge
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(Reaper::identity).map(owner::equals)
                .orElse(false);
    }

    private static String identity(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("-");
    }
}
