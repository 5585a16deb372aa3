package ai.pmoves.engine.server;

import ai.pmoves.engine.PmovesException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The build user's private folder for throwaway servers: the PostgreSQL binaries they run ({@link #binaries()}) and
 * their work directories ({@link #servers()}). Another user who could write there could plant an {@code initdb} that
 * the build then runs, or a folder that the {@link Reaper} then obeys; so the folder is the build user's, open to no one
 * else (mode 0700), and every directory above it belongs to that user or to root and is writable by no one else, unless
 * it is sticky, as {@code /tmp} is (there, others cannot rename or remove what is ours). Checked each time a server
 * starts, on the real path, and a folder that fails is refused with what is wrong and how to fix it.
 * <p>
 * On a file system without Unix owners and modes (Windows), nothing can be checked this way: the folder is used as it
 * is, under the user's own profile.
 */
public final class ServerHome {
    /** {@code ~/.cache/pmoves}: a cache folder, as XDG has it, under the home that only its user may write. */
    public static final String DEFAULT_RELATIVE = ".cache/pmoves";
    /** The name of each server's work directory in {@link #servers()}: its data directory and owner file. */
    public static final String WORK_DIRECTORY_PREFIX = "pmoves-postgres-";
    private static final int ROOT = 0;
    private static final int STICKY = 01000;
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final String TRAVERSE_ONLY = "rwx--x--x";

    private final Path directory;

    private ServerHome(Path directory) {
        this.directory = directory;
    }

    /** The default: {@code ~/.cache/pmoves} of the user running the build. */
    public static Path defaultLocation() {
        return Path.of(System.getProperty("user.home")).resolve(DEFAULT_RELATIVE);
    }

    /**
     * Creates {@code directory} (mode 0700) and its two folders if missing, then checks it and the path to it.
     *
     * @throws PmovesException naming the directory at fault, its owner and mode, and the way out
     */
    public static ServerHome at(Path directory) {
        Path wanted = directory.toAbsolutePath().normalize();
        Path home;
        try {
            if (unixAttributes()) {
                // before anything is made there: the part of the path above the home that exists already (the home
                // itself is checked below, with the way to close it)
                Path existing = wanted.getParent();
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing != null) {
                    checkPath(existing.toRealPath(), currentUid(), wanted);
                }
            }
            home = createPrivate(wanted).toRealPath();
        } catch (IOException e) {
            throw new PmovesException("Cannot create the throwaway servers' folder " + directory + ": " + e
                    + ". Set serverDirectory (-Dpmoves.serverDirectory) to a folder of yours that only you may write.", e);
        }
        if (!unixAttributes()) {
            return new ServerHome(home);
        }
        int me = currentUid();
        if (home.getParent() != null) {
            checkPath(home.getParent(), me, home);
        }
        ServerHome checked = new ServerHome(home);
        for (Path own : new Path[] {home, checked.binaries(), checked.servers()}) {
            checkPrivate(own, me);
        }
        return checked;
    }

    /** The folder itself, as its real path. */
    public Path directory() {
        return directory;
    }

    /** The embedded engine's PostgreSQL: a folder that stays this user's alone (mode 0700). */
    public Path binaries() {
        return directory.resolve("postgres");
    }

    /**
     * Where zonky unpacks PostgreSQL, inside {@link #binaries()}: zonky opens the folder it unpacks into to every user
     * while it unpacks, and the folder around it keeps everyone else out all the same.
     */
    public Path zonky() {
        return binaries().resolve("zonky");
    }

    /**
     * Lets the OS user a server runs as (when the build runs as root: initdb refuses root) reach its data directory in
     * {@link #servers()}: the home and that folder become traversable (mode 0711), never listable nor writable by others;
     * the binaries folder stays closed.
     */
    public void openPathToServers() throws IOException {
        if (unixAttributes()) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(TRAVERSE_ONLY));
            Files.setPosixFilePermissions(servers(), PosixFilePermissions.fromString(TRAVERSE_ONLY));
        }
    }

    /**
     * Checks that no one but this user and root can change {@code dir} or a directory above it (a sticky directory
     * excepted): where binaries that the build runs come from.
     */
    public static void requireTrustedPath(Path dir, String what) {
        if (!unixAttributes()) {
            return;
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            throw new PmovesException("Cannot read " + what + " " + dir + ": " + e, e);
        }
        checkPath(real, currentUid(), real);
    }

    /** Checks {@code real} and every directory above it as {@link #checkAncestor} does, for {@code named}. */
    private static void checkPath(Path real, int me, Path named) {
        Path ancestor = real.getRoot();
        checkAncestor(ancestor, me, named);
        for (Path name : real) {
            ancestor = ancestor.resolve(name);
            checkAncestor(ancestor, me, named);
        }
    }

    /** Where each server's work directory (data directory and owner file) is made. */
    public Path servers() {
        return directory.resolve("servers");
    }

    /** Takes back what zonky opens to every user when it unpacks: its folder is this user's alone. */
    public void closeBinaries() {
        try {
            if (unixAttributes() && Files.isDirectory(zonky())) {
                Files.setPosixFilePermissions(zonky(), PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException ignored) {
            // the home above it is private all the same
        }
    }

    /** Creates {@code file} readable and writable by this user only, or makes it so when it exists. */
    public static void privateFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Whether {@code path} is a real directory (not a link) that belongs to the user running this JVM. */
    public static boolean ownedDirectory(Path path) {
        try {
            if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            return !unixAttributes() || (int) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                    == currentUid();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path createPrivate(Path home) throws IOException {
        for (Path dir : new Path[] {home, home.resolve("postgres"), home.resolve("servers")}) {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                if (unixAttributes()) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
        }
        return home;
    }

    /** A directory above the home: root's or ours, and nobody else may rename what it holds. */
    private static void checkAncestor(Path ancestor, int me, Path home) {
        Map<String, Object> a = attributes(ancestor);
        int uid = (int) a.get("uid");
        int mode = (int) a.get("mode");
        if (uid != me && uid != ROOT) {
            throw refused(home, ancestor + " belongs to another user (uid " + uid + "), who could replace what it holds");
        }
        if ((mode & GROUP_OR_OTHER_WRITE) != 0 && (mode & STICKY) == 0) {
            throw refused(home, ancestor + " (mode " + octal(mode) + ") may be written by other users, who could"
                    + " replace what it holds");
        }
    }

    /** The home and its folders: ours, real directories, written by no one else. */
    private static void checkPrivate(Path dir, int me) {
        Map<String, Object> a = attributes(dir);
        int uid = (int) a.get("uid");
        int mode = (int) a.get("mode");
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(dir, dir + " is not a directory but a link or a file");
        }
        if (uid != me) {
            throw refused(dir, dir + " belongs to another user (uid " + uid + ", this build runs as uid " + me + ")");
        }
        if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
            throw new PmovesException("The throwaway servers' folder " + dir + " may be written by other users (mode "
                    + octal(mode) + "), who could replace the PostgreSQL it runs or the folders it reaps: make it"
                    + " yours alone with chmod 700 " + dir + ", or set serverDirectory (-Dpmoves.serverDirectory) to"
                    + " another folder.");
        }
    }

    private static PmovesException refused(Path home, String why) {
        return new PmovesException("Refusing to run PostgreSQL from " + home + ": " + why + ". Set serverDirectory"
                + " (-Dpmoves.serverDirectory) to a folder under your home that only you may write (the default is ~/"
                + DEFAULT_RELATIVE + "), or fix the owner and mode of that directory.");
    }

    private static Map<String, Object> attributes(Path path) {
        try {
            return Files.readAttributes(path, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new PmovesException("Cannot read the owner and mode of " + path + ": " + e
                    + ". Set serverDirectory (-Dpmoves.serverDirectory) to a folder of yours that only you may write.", e);
        }
    }

    private static boolean unixAttributes() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    }

    /** The user this JVM runs as, as the kernel knows it: the uid, which a name could not fake. */
    static int currentUid() {
        return (int) new com.sun.security.auth.module.UnixSystem().getUid();
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}
