package ai.pmoves.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.pmoves.engine.PmovesException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which entries are SQL files, and the path every kind of file is recorded and shown by: seeds, definitions, hooks. */
class SqlFilesTest {
    @TempDir
    Path project;

    @Test
    void pathsAreRecordedFromTheProjectDirectory() {
        assertEquals("db/v5_12_seed.sql", SqlFiles.recordedPath(project, project.resolve("db/v5_12_seed.sql")));
        assertEquals("db/v5_12_seed.sql",
                SqlFiles.recordedPath(project.resolve("sub/.."), project.resolve("./db/v5_12_seed.sql")));
        assertEquals("../shared/seed.sql",
                SqlFiles.recordedPath(project.resolve("app"), project.resolve("shared/seed.sql")));
    }

    @Test
    void aLinkToADeviceIsSaidToLeadToSomethingThatIsNotAFileAndALinkToNothingToNothing() throws Exception {
        Path device = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(device), "a system with /dev/zero");
        Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Path zero = Files.createSymbolicLink(migrations.resolve("20250101_zero.sql"), device);
        Path gone = Files.createSymbolicLink(migrations.resolve("20250102_gone.sql"), project.resolve("gone.sql"));
        assertEquals("'20250101_zero.sql' in migrationsDirectory '" + migrations + "' is named like an SQL file but is"
                + " a link to /dev/zero, which is not a regular file (a device, a pipe or a socket): make the link"
                + " point at the file, or remove it.", assertThrows(PmovesException.class,
                () -> SqlFiles.isSqlFile(zero, "migrationsDirectory")).getMessage());
        assertEquals("'20250102_gone.sql' in migrationsDirectory '" + migrations + "' is named like an SQL file but is"
                + " a link to " + project.resolve("gone.sql") + ", which does not exist: make the link point at the"
                + " file, or remove it.", assertThrows(PmovesException.class,
                () -> SqlFiles.isSqlFile(gone, "migrationsDirectory")).getMessage());
    }
}
