package ai.pmoves.engine.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The checksums a run computed, remembered in a file under the build directory with each migration's size,
 * modification time and file key (device and inode), as git's index and Gradle's file snapshots remember theirs: a
 * no-op apply or a status of a thousand unchanged migrations then reads one file and looks at the others, instead of
 * reading and hashing every one of them in the fresh JVM of each {@code mvn} run (about 0.2 s there, on the path to
 * the history's answer).
 *
 * <p>A file edited since, renamed over, or checked out again has another size, time or inode and is hashed. A file
 * changed within two seconds of being hashed is not remembered (on a file system whose clock ticks in seconds, a
 * second edit could keep the time), so it is hashed again next run. What is remembered only answers "has this file
 * changed since it was applied": a stale or planted entry can at worst hide or invent such a change, never run
 * anything, and the file is written for its user alone. {@code mvn clean} forgets it all.
 */
public final class ChecksumCache {
    /** The file's first line; another one (a later format, another algorithm) is not read. */
    static final String HEADER = "# pmoves-maven-plugin checksums 1: checksum, size, modified (ns), file key, path";
    /** How long before the run a file must have last changed to be remembered. */
    static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(2);

    private ChecksumCache() {
    }

    /** A migration as the file system describes it now: what an entry must match to stand for its checksum. */
    private record Stamp(long size, long modifiedNanos, String fileKey) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class); // a link's target
                return new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), String.valueOf(a.fileKey()));
            } catch (IOException e) {
                return null; // hashing it names the file and the error
            }
        }

        /**
         * Field by field: a record's own equals is bootstrapped through invokedynamic on its first call, 40 ms of a
         * cold JVM, longer than the lookups it would serve.
         */
        boolean sameAs(Stamp other) {
            return other != null && size == other.size && modifiedNanos == other.modifiedNanos
                    && fileKey.equals(other.fileKey);
        }

        String line(String checksum, String path) {
            return checksum + '\t' + size + '\t' + modifiedNanos + '\t' + fileKey + '\t' + path + '\n';
        }
    }

    private record Entry(Stamp stamp, String checksum) {
    }

    /**
     * The checksum of every file in {@code files}: remembered in {@code cacheFile} when the file is as it was then,
     * hashed otherwise ({@link MigrationScript#checksumsOf}); {@code cacheFile} then remembers this run's. A null
     * {@code cacheFile} remembers nothing.
     */
    public static Function<Migration, String> checksumsOf(List<Migration> files, Path cacheFile) {
        if (cacheFile == null || files.isEmpty()) {
            return MigrationScript.checksumsOf(files);
        }
        long now = System.currentTimeMillis() * 1_000_000;
        Map<String, Entry> remembered = read(cacheFile);
        Map<Migration, String> checksums = new IdentityHashMap<>(files.size() * 2);
        Map<Migration, Stamp> stamps = new IdentityHashMap<>(files.size() * 2);
        List<Migration> toHash = new ArrayList<>();
        for (Migration m : files) {
            Stamp stamp = Stamp.of(m.file());
            stamps.put(m, stamp);
            Entry entry = remembered.remove(key(m));
            if (entry != null && entry.stamp().sameAs(stamp)) {
                checksums.put(m, entry.checksum());
            } else {
                toHash.add(m);
            }
        }
        if (!toHash.isEmpty()) {
            Function<Migration, String> hashed = MigrationScript.checksumsOf(toHash); // throws for an unreadable file
            toHash.forEach(m -> checksums.put(m, hashed.apply(m)));
        }
        // what is left is other directories' files, and this one's that are gone (renamed, deleted)
        String directory = Path.of(key(files.get(0))).getParent().toString();
        boolean gone = remembered.keySet().removeIf(path -> directory.equals(String.valueOf(Path.of(path).getParent())));
        if (!toHash.isEmpty() || gone) {
            StringBuilder text = new StringBuilder(HEADER).append('\n');
            for (Migration m : files) {
                Stamp stamp = stamps.get(m);
                String path = key(m);
                if (stamp != null && stamp.modifiedNanos() < now - SETTLED_NANOS && path.indexOf('\n') < 0) {
                    text.append(stamp.line(checksums.get(m), path));
                }
            }
            remembered.forEach((path, e) -> text.append(e.stamp().line(e.checksum(), path)));
            write(cacheFile, text);
        }
        return checksums::get;
    }

    private static String key(Migration m) {
        return m.file().toAbsolutePath().normalize().toString();
    }

    /** The entries of {@code cacheFile}, by path; none when it is missing, unreadable, another format or not a file. */
    private static Map<String, Entry> read(Path cacheFile) {
        Map<String, Entry> entries = new HashMap<>();
        try {
            if (!Files.isRegularFile(cacheFile, LinkOption.NOFOLLOW_LINKS)) {
                return entries;
            }
            List<String> lines = Files.readAllLines(cacheFile, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return entries;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", 5);
                if (f.length == 5) {
                    entries.put(f[4], new Entry(new Stamp(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]), f[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear(); // a damaged cache is no cache: every file is hashed and it is written anew
        }
        return entries;
    }

    /**
     * Writes {@code text} to a new file (for its user alone) that then takes the old one's place, so that a run stopped
     * halfway or another build writing at once leaves a whole file. A cache that cannot be written is left as it was:
     * the next run hashes again.
     */
    private static void write(Path cacheFile, CharSequence text) {
        Path temp = null;
        try {
            Path directory = cacheFile.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, cacheFile.getFileName().toString(), ".tmp"); // rw------- on POSIX
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException ignored) {
                // a stray temporary file in the build directory, which mvn clean removes
            }
        }
    }
}
