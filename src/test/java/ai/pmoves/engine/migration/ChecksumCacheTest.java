package ai.pmoves.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumCacheTest {
    /** Long enough ago to be remembered: files written in the last two seconds are not. */
    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
    private static final String PLANTED = "0".repeat(64);

    @TempDir
    Path project;
    private Path migrations;
    private Path cache;

    @BeforeEach
    void twoMigrationsWrittenAnHourAgo() throws IOException {
        migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        cache = project.resolve("target/pmoves/checksums");
        write("20250101000001_a.sql", "CREATE TABLE a (id int);\n");
        write("20250101000002_b.sql", "CREATE TABLE b (id int);\n");
    }

    @Test
    void aRunRemembersWhatItHashedAndTheNextReadsNoFileThatIsAsItWas() throws IOException {
        assertEquals(List.of(real("20250101000001_a.sql"), real("20250101000002_b.sql")), checksums());
        assertTrue(Files.isRegularFile(cache));
        // proof that the file is not read: the entry says something else than its text, and is believed
        plant("20250101000001_a.sql");
        assertEquals(PLANTED, checksums().get(0));
        assertEquals(real("20250101000002_b.sql"), checksums().get(1));
    }

    @Test
    void aFileEditedSinceIsHashedAgainEvenAtTheSameSize() throws IOException {
        checksums();
        plant("20250101000001_a.sql");
        Files.writeString(migrations.resolve("20250101000001_a.sql"), "CREATE TABLE x (id int);\n"); // same size
        Files.setLastModifiedTime(migrations.resolve("20250101000001_a.sql"), FileTime.from(
                AN_HOUR_AGO.toInstant().plusSeconds(1)));
        assertEquals(real("20250101000001_a.sql"), checksums().get(0));
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimeIsHashedAgain() throws IOException {
        checksums();
        plant("20250101000001_a.sql");
        // as a checkout or an editor that saves by renaming does: a new inode, here with the same size and time
        Path replacement = write("replacement.tmp", "CREATE TABLE x (id int);\n");
        Files.move(replacement, migrations.resolve("20250101000001_a.sql"), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(real("20250101000001_a.sql"), checksums().get(0));
    }

    @Test
    void aFileWrittenInTheLastTwoSecondsIsNotRememberedSoItIsHashedNextRunToo() throws IOException {
        Files.writeString(migrations.resolve("20250101000003_c.sql"), "CREATE TABLE c (id int);\n");
        checksums();
        String text = Files.readString(cache);
        assertTrue(text.contains("20250101000001_a.sql"), text);
        assertFalse(text.contains("20250101000003_c.sql"), text);
    }

    @Test
    void aDamagedCacheOrOneOfAnotherFormatIsNoCacheAndIsWrittenAnew() throws IOException {
        Files.createDirectories(cache.getParent());
        for (String damaged : List.of(ChecksumCache.HEADER + "\n" + PLANTED + "\tnot a size\t1\tk\t/x.sql\n",
                "# pmoves-maven-plugin checksums 0\n" + PLANTED + "\t25\t1\tk\t" + migrations.resolve("20250101000001_a.sql"))) {
            Files.writeString(cache, damaged);
            assertEquals(real("20250101000001_a.sql"), checksums().get(0));
            assertTrue(Files.readString(cache).startsWith(ChecksumCache.HEADER + "\n"));
        }
    }

    @Test
    void theEntriesOfAnotherDirectoryAreKeptAndThoseOfAFileThatIsGoneAreDropped() throws IOException {
        Path other = Files.createDirectories(project.resolve("other/migrations"));
        Files.writeString(other.resolve("20250101000009_z.sql"), "SELECT 9;\n");
        Files.setLastModifiedTime(other.resolve("20250101000009_z.sql"), AN_HOUR_AGO);
        ChecksumCache.checksumsOf(MigrationScanner.scan(ConfiguredDirectory.configured(other)), cache);
        checksums();
        Files.delete(migrations.resolve("20250101000002_b.sql"));
        checksums();
        String text = Files.readString(cache);
        assertTrue(text.contains("20250101000009_z.sql"), text);
        assertTrue(text.contains("20250101000001_a.sql"), text);
        assertFalse(text.contains("20250101000002_b.sql"), text);
    }

    @Test
    void theCacheIsForItsUserAlone() throws IOException {
        checksums();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheChecksumsAsTheyAre() throws IOException {
        Files.writeString(project.resolve("target"), "a file where the build directory would be");
        assertEquals(List.of(real("20250101000001_a.sql"), real("20250101000002_b.sql")), checksums());
    }

    private List<String> checksums() {
        List<Migration> files = MigrationScanner.scan(ConfiguredDirectory.configured(migrations));
        Function<Migration, String> checksums = ChecksumCache.checksumsOf(files, cache);
        return files.stream().map(checksums).toList();
    }

    private String real(String name) {
        return Checksum.ofFile(migrations.resolve(name));
    }

    /** Rewrites the cache's entry of {@code name} to another checksum, its size, time and file key kept. */
    private void plant(String name) throws IOException {
        String text = Files.readString(cache).replaceAll("(?m)^[0-9a-f]{64}(\t.*" + name + ")$", PLANTED + "$1");
        assertTrue(text.contains(PLANTED), text);
        Files.writeString(cache, text);
    }

    private Path write(String name, String text) throws IOException {
        Path file = Files.writeString(migrations.resolve(name), text);
        Files.setLastModifiedTime(file, AN_HOUR_AGO);
        return file;
    }
}
