package ai.pmoves.engine.migration;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScannerTest {
    @TempDir
    Path dir;

    @Test
    void listsSqlFilesInTimeOrderAndIgnoresOthers() throws IOException {
        touch("2025-12-08_b.sql", "20251105_a.sql", "README.md", "notes.txt");
        Files.createDirectory(dir.resolve("sub.sql"));
        assertEquals(java.util.List.of("20251105_a.sql", "2025-12-08_b.sql"),
                MigrationScanner.scan(configured(dir)).stream().map(Migration::fileName).toList());
    }

    @Test
    void skipsAnSqlFileTheCliSkipsWithOneWarningThatSaysWhatNameWouldRunIt() throws IOException {
        touch("20251105_a.sql", "local_20240107152745_x.sql", "notes.sql", "atlas.sum");
        RecordingLog log = new RecordingLog();
        assertEquals(List.of("20251105_a.sql"),
                MigrationScanner.scan(configured(dir), log).stream().map(Migration::fileName).toList());
        List<String> warnings = log.warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Skipped " + dir.resolve("local_20240107152745_x.sql"))
                && w.contains("rename it to 20240107152745_x.sql")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Skipped " + dir.resolve("notes.sql"))
                && w.contains("rename it to YYYYMMDDhhmmss_notes.sql")), warnings.toString());
        assertTrue(warnings.stream().noneMatch(w -> w.contains("atlas.sum")), warnings.toString());
    }

    @Test
    void aTimestampJoinedByADashIsSkippedAndTheWarningSaysTheUnderscoreMakesItRun() throws IOException {
        // Lovable writes its migrations so: the CLI skips them all, and so a project may run none
        touch("20250614222447-6ead0547-179d-429b-a865-e501572753b6.sql");
        RecordingLog log = new RecordingLog();
        assertEquals(List.of(), MigrationScanner.scan(configured(dir), log));
        assertTrue(log.warnings().get(0).contains("rename it to 20250614222447_6ead0547-179d-429b-a865-e501572753b6.sql;"),
                log.warnings().toString());
    }

    @Test
    void strictNamesRefuseTheFileTheCliWouldSkip() throws IOException {
        touch("20251105_a.sql", "notes.sql");
        PmovesException e = assertThrows(PmovesException.class,
                () -> MigrationScanner.scan(configured(dir).withStrictNames(true), new RecordingLog()));
        assertTrue(e.getMessage().startsWith(dir.resolve("notes.sql") + " is in the migrations directory, and its name"
                + " fits none of the accepted forms"), e.getMessage());
    }

    @Test
    void aSkippedFileIsNamedFromTheProjectDirectory() throws IOException {
        touch("notes.sql");
        RecordingLog log = new RecordingLog();
        MigrationScanner.scan(configured(dir).inProject(dir.getParent()), log);
        assertTrue(log.warnings().get(0).startsWith("Skipped " + dir.getFileName() + "/notes.sql:"), log.warnings().toString());
    }

    @Test
    void duplicateVersionNamesBothFiles() throws IOException {
        touch("20250115_a.sql", "20250115_b.sql");
        PmovesException e = assertThrows(PmovesException.class,
                () -> MigrationScanner.scan(configured(dir)));
        assertTrue(e.getMessage().contains("20250115_a.sql") && e.getMessage().contains("20250115_b.sql"), e.getMessage());
    }

    @Test
    void sameDaySameStemInDashedAndDigitFormsDoNotCollide() throws IOException {
        touch("20250908_geometry_bus.sql", "2025-09-08_geometry_bus.sql");
        assertEquals(2, MigrationScanner.scan(configured(dir)).size());
    }

    @Test
    void missingDefaultDirectoryIsEmptyButMissingConfiguredOneIsAnError() {
        Path missing = dir.resolve("nope");
        assertEquals(0, MigrationScanner.scan(byDefault(missing)).size());
        PmovesException e = assertThrows(PmovesException.class,
                () -> MigrationScanner.scan(configured(missing)));
        assertTrue(e.getMessage().contains("migrationsDirectory") && e.getMessage().contains(missing.toString()));
    }

    private void touch(String... names) throws IOException {
        for (String n : names) {
            Files.writeString(dir.resolve(n), "SELECT 1;\n");
        }
    }
}
