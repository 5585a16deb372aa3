package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.OtherUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reaper obeys only what the build user made: a folder of another user is not its own, a pid file is not believed
 * until the process it names says it is that folder's postmaster (a postgres of this user, with {@code -D} that data
 * directory), and deleting a folder removes the links in it, never what they point at.
 */
class PlantedServerFoldersTest {
    /** The owner file of a JVM long gone: its servers are orphans. */
    private static final String GONE = "999999999 2020-01-01T00:00:00Z";
    private static final String ME = System.getProperty("user.name");
    private final List<Process> started = new ArrayList<>();
    @TempDir
    Path temp;
    private ServerHome home;
    /** A folder every user may run from, for a fake postmaster: the JUnit folder is root's alone. */
    private Path bin;

    @BeforeEach
    void home() throws Exception {
        home = ServerHome.at(temp.resolve("pmoves"));
        bin = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pmoves-fake-bin-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @AfterEach
    void leaveNothing() throws Exception {
        started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
        Reaper.delete(bin);
    }

    @Test
    void aProcessThatIsTheFoldersPostmasterIsStoppedWithTheFolder() throws Exception {
        // the control for the tests below: a postgres of this user, run with -D the folder's data directory
        Path work = orphan(home.servers().resolve("pmoves-postgres-1"));
        Process postmaster = fakePostgres(work.resolve("data"), false);
        pidFile(work, postmaster.pid());
        assertTrue(Reaper.isPostmasterOf(postmaster.toHandle().info(), work.resolve("data"), ME),
                postmaster.toHandle().info().toString());

        List<Path> reaped = Reaper.reapOrphans(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);

        assertEquals(List.of(work), reaped);
        assertTrue(postmaster.waitFor(20, TimeUnit.SECONDS), "signalled");
        assertFalse(Files.exists(work));
    }

    @Test
    void aPidFileNamingAProcessOfAnotherDataDirectoryDoesNotGetItSignalled() throws Exception {
        Path work = orphan(home.servers().resolve("pmoves-postgres-2"));
        Process elsewhere = fakePostgres(temp.resolve("another/data"), false);
        pidFile(work, elsewhere.pid());

        Reaper.reapOrphans(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);

        assertFalse(Files.exists(work), "the orphaned folder itself is deleted");
        assertFalse(elsewhere.waitFor(1, TimeUnit.SECONDS), "the process it named is left alone");
    }

    @Test
    void aPidFileNamingAProcessOfAnotherUserDoesNotGetItSignalled() throws Exception {
        OtherUser.assumeAvailable();
        Path work = orphan(home.servers().resolve("pmoves-postgres-3"));
        Process theirs = fakePostgres(work.resolve("data"), true);
        pidFile(work, theirs.pid());
        assertFalse(Reaper.isPostmasterOf(theirs.toHandle().info(), work.resolve("data"), ME));

        Reaper.reapOrphans(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);

        assertFalse(theirs.waitFor(1, TimeUnit.SECONDS), "another user's process is never signalled");
    }

    @Test
    void aFolderOfAnotherUserIsNeitherObeyedNorDeleted() throws Exception {
        OtherUser.assumeAvailable();
        Path planted = orphan(home.servers().resolve("pmoves-postgres-planted"));
        Process ours = fakePostgres(planted.resolve("data"), false);
        pidFile(planted, ours.pid());
        try (var paths = Files.walk(planted)) {
            for (Path p : paths.toList()) {
                OtherUser.owns(p);
            }
        }

        List<Path> reaped = Reaper.reapOrphans(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);

        assertEquals(List.of(), reaped);
        assertTrue(Files.exists(planted.resolve(Reaper.OWNER_FILE)));
        assertFalse(ours.waitFor(1, TimeUnit.SECONDS), "the process its pid file names is left alone");
    }

    @Test
    void deletingAWorkDirectoryRemovesItsLinksAndKeepsWhatTheyPointAt() throws Exception {
        Path outside = Files.writeString(temp.resolve("precious.txt"), "keep me");
        Path outsideDir = Files.createDirectories(temp.resolve("precious-dir"));
        Files.writeString(outsideDir.resolve("inside.txt"), "keep me too");
        Path work = orphan(home.servers().resolve("pmoves-postgres-4"));
        Files.createSymbolicLink(work.resolve("data/link-to-file"), outside);
        Files.createSymbolicLink(work.resolve("data/link-to-dir"), outsideDir);

        Reaper.delete(work);

        assertFalse(Files.exists(work, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep me", Files.readString(outside));
        assertEquals("keep me too", Files.readString(outsideDir.resolve("inside.txt")));
    }

    @Test
    void aLinkInPlaceOfAWorkDirectoryIsNotFollowedWhenDeleting() throws Exception {
        Path outsideDir = Files.createDirectories(temp.resolve("precious-dir"));
        Files.writeString(outsideDir.resolve("inside.txt"), "keep me");
        Path link = Files.createSymbolicLink(home.servers().resolve("pmoves-postgres-5"), outsideDir);

        Reaper.delete(link);
        Reaper.reapOrphans(home.servers(), ServerHome.WORK_DIRECTORY_PREFIX);

        assertEquals("keep me", Files.readString(outsideDir.resolve("inside.txt")));
    }

    /** A work directory whose JVM is gone, with an empty data directory. */
    private static Path orphan(Path work) throws Exception {
        Files.createDirectories(work.resolve("data"));
        Files.writeString(work.resolve(Reaper.OWNER_FILE), GONE);
        return work;
    }

    private static void pidFile(Path work, long pid) throws Exception {
        Files.writeString(work.resolve("data/postmaster.pid"), pid + "\n" + work.resolve("data") + "\n");
    }

    /**
     * A process named postgres whose arguments hold {@code -D dataDirectory}, as pg_ctl starts the postmaster: a copy
     * of the shell, running {@code sleep}; as this user or as {@link OtherUser}.
     */
    private Process fakePostgres(Path dataDirectory, boolean otherUser) throws Exception {
        Path postgres = bin.resolve("postgres");
        if (!Files.exists(postgres)) {
            Files.copy(Path.of("/bin/sh"), postgres);
            Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // `; true`: the shell stays the process, rather than exec-ing sleep in its place
        String[] command = {postgres.toString(), "-c", "sleep 30; true", "-D", dataDirectory.toString()};
        Process p = otherUser ? OtherUser.start(command) : new ProcessBuilder(command).start();
        started.add(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!p.info().command().orElse("").endsWith("/postgres") && System.nanoTime() < deadline) {
            Thread.sleep(20); // until setpriv has become it, and the kernel shows its arguments
        }
        return p;
    }
}
