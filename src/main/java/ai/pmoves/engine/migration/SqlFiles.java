package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.apache.commons.io.filefilter.SuffixFileFilter;

/** The {@code .sql} files directly inside a configured directory (a missing default directory holds none). */
public final class SqlFiles {
    private static final SuffixFileFilter SQL_NAME = new SuffixFileFilter(".sql");

    private SqlFiles() {
    }

    /**
     * The {@code .sql} regular files directly inside {@code directory}, in no particular order; none when it is a
     * missing default directory (see {@link ConfiguredDirectory#exists}).
     *
     * @param parameter the name of the parameter that gave the directory, used in the error when it is missing
     */
    public static List<Path> list(ConfiguredDirectory configured, String parameter) {
        if (!configured.exists(parameter)) {
            return List.of();
        }
        Path directory = configured.path();
        List<Path> files = new ArrayList<>();
        // The names, as the directory lists them, then one look at each .sql entry: every goal lists the migrations
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, SqlFiles::isSqlNamed)) {
            for (Path file : entries) {
                if (isSqlFile(file, parameter)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new PmovesException("Cannot list " + parameter + " '" + Printable.of(directory) + "': "
                    + Printable.of(e.getMessage()), e);
        }
        return files;
    }

    /**
     * The entries directly inside {@code directory} whose name ends in {@code .sql}, files or not (the directory itself
     * is depth 0 of the walk, and a directory is never an SQL file).
     */
    public static Stream<Path> sqlNamed(Path directory) throws IOException {
        return PathUtils.walk(directory, SQL_NAME, 1, false);
    }

    /**
     * Whether {@code entry} is an {@code .sql} file; directories are not (subdirectories are not read). An entry
     * named like one that is neither (a link to nothing, a device) is an error naming it: skipping it would skip a
     * migration or seed without a word.
     */
    public static boolean isSqlFile(Path entry, String parameter) {
        if (!isSqlNamed(entry)) {
            return false;
        }
        BasicFileAttributes own = ownAttributes(entry);
        if (own != null && own.isRegularFile()) {
            return true; // the common case, in one call: a file, and not a link
        }
        if (Files.isDirectory(entry)) {
            return false;
        }
        if (Files.isRegularFile(entry)) {
            return true;
        }
        // Files.exists follows the link: a link to a device (/dev/zero) or a pipe leads somewhere, just not to a file
        String what = !Files.isSymbolicLink(entry) ? "not a regular file"
                : "a link to " + Printable.of(target(entry)) + (Files.exists(entry) ? ", which is not a regular file (a"
                + " device, a pipe or a socket)" : ", which does not exist");
        throw new PmovesException("'" + Printable.of(entry.getFileName()) + "' in " + parameter + " '"
                + Printable.of(entry.getParent()) + "' is"
                + " named like an SQL file but is " + what + ": make the link point at the file, or remove it.");
    }

    /**
     * Where {@code file} really is, said as {@code a link to /elsewhere/x.sql, outside the project}, when it is a
     * symbolic link that leads out of {@code project}; null for any other file, or when the project is unknown. The
     * link is followed, as psql follows it, but a file from outside the project shows its text in errors and dry runs,
     * so the log says where it came from.
     */
    public static String outsideProject(Path file, Path project) {
        if (project == null || !Files.isSymbolicLink(file)) {
            return null;
        }
        try {
            Path real = file.toRealPath();
            return real.startsWith(project.toRealPath()) ? null : "a link to " + real + ", outside the project";
        } catch (IOException e) {
            return null; // a link that leads nowhere is refused by isSqlFile with its own message
        }
    }

    private static boolean isSqlNamed(Path entry) {
        return entry.getFileName().toString().endsWith(".sql");
    }

    /** The entry's own attributes, a link's rather than its target's; null when it cannot be read (gone since). */
    private static BasicFileAttributes ownAttributes(Path entry) {
        try {
            return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static String target(Path link) {
        try {
            return String.valueOf(Files.readSymbolicLink(link));
        } catch (IOException e) {
            return "a path that cannot be read";
        }
    }

    /** The path relative to the project directory with / separators; the absolute path when there is no relative one. */
    public static String recordedPath(Path baseDirectory, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = baseDirectory.toAbsolutePath().normalize();
        Path path = absolute.getRoot() != null && absolute.getRoot().equals(base.getRoot()) ? base.relativize(absolute)
                : absolute;
        return path.toString().replace('\\', '/');
    }
}
