package ai.pmoves.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.OtherUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder the throwaway servers run from is the build user's alone: a folder, or a path to it, that another user
 * could change is refused with the directory at fault, before any binary in it runs.
 */
class ServerHomeTest {
    @TempDir
    Path temp;

    @Test
    void aNewHomeIsMadeOpenToNoOneElseWithItsTwoFolders() throws Exception {
        ServerHome home = ServerHome.at(temp.resolve("a/b/pmoves"));

        assertEquals("rwx------", mode(home.directory()));
        assertTrue(Files.isDirectory(home.binaries()) && Files.isDirectory(home.servers()));
        assertEquals(home.directory().resolve("servers"), home.servers());
    }

    @Test
    void aHomeOthersMayOnlyTraverseIsAcceptedAndItsBinariesStayClosed() throws Exception {
        // as a server that runs as another OS user (the build as root) needs it: no listing, no writing
        ServerHome home = ServerHome.at(temp.resolve("pmoves"));
        home.openPathToServers();

        ServerHome again = ServerHome.at(home.directory());

        assertEquals("rwx--x--x", mode(again.directory()));
        assertEquals("rwx--x--x", mode(again.servers()));
        assertEquals("rwx------", mode(again.binaries()));
    }

    @Test
    void aHomeUnderTheStickyTempFolderIsAccepted() {
        // /tmp may be written by anyone, but its sticky bit keeps them from renaming or removing what is ours
        ServerHome.at(temp.resolve("pmoves"));
    }

    @Test
    void aHomeOthersMayWriteIsRefusedWithTheWayToCloseIt() throws Exception {
        Path home = ServerHome.at(temp.resolve("pmoves")).directory();
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));

        PmovesException e = assertThrows(PmovesException.class, () -> ServerHome.at(home));

        assertTrue(e.getMessage().contains(home + " may be written by other users (mode 0777)"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 700 " + home), e.getMessage());
        assertTrue(e.getMessage().contains("-Dpmoves.serverDirectory"), e.getMessage());
    }

    @Test
    void aHomeUnderAFolderAnyoneMayWriteIsRefusedNamingThatFolder() throws Exception {
        // as /tmp/embedded-pg was: 0777 without the sticky bit, so anyone may swap what it holds
        Path open = Files.createDirectory(temp.resolve("embedded-pg"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        PmovesException e = assertThrows(PmovesException.class, () -> ServerHome.at(open.resolve("pmoves")));

        assertTrue(e.getMessage().startsWith("Refusing to run PostgreSQL from " + open.resolve("pmoves") + ": " + open
                + " (mode 0777) may be written by other users"), e.getMessage());
        assertFalse(Files.exists(open.resolve("pmoves")), "nothing is made in a folder that is refused");
    }

    @Test
    void aHomeThatAnotherUserOwnsIsRefused() throws Exception {
        OtherUser.assumeAvailable();
        Path planted = Files.createDirectory(temp.resolve("pmoves"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        OtherUser.owns(planted);

        PmovesException e = assertThrows(PmovesException.class, () -> ServerHome.at(planted));

        assertTrue(e.getMessage().contains(planted + " belongs to another user (uid " + OtherUser.UID), e.getMessage());
    }

    @Test
    void aHomeUnderAFolderOfAnotherUserIsRefused() throws Exception {
        OtherUser.assumeAvailable();
        Path theirs = Files.createDirectory(temp.resolve("theirs"));
        OtherUser.owns(theirs);

        PmovesException e = assertThrows(PmovesException.class, () -> ServerHome.at(theirs.resolve("pmoves")));

        assertTrue(e.getMessage().contains(theirs + " belongs to another user (uid " + OtherUser.UID + "), who could"
                + " replace what it holds"), e.getMessage());
    }

    @Test
    void aLinkToAFolderOfAnotherUserIsJudgedByWhereItLeads() throws Exception {
        OtherUser.assumeAvailable();
        Path theirs = Files.createDirectory(temp.resolve("theirs"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectory(theirs.resolve("postgres"));
        Files.createDirectory(theirs.resolve("servers"));
        OtherUser.owns(theirs);
        Path link = Files.createSymbolicLink(temp.resolve("pmoves"), theirs);

        PmovesException e = assertThrows(PmovesException.class, () -> ServerHome.at(link));

        assertTrue(e.getMessage().contains(theirs + " belongs to another user"), e.getMessage());
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
