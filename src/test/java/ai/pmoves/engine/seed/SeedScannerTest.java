package ai.pmoves.engine.seed;

import ai.pmoves.engine.migration.SqlFiles;
import ai.pmoves.testing.RecordingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SeedScannerTest {
    @TempDir
    Path project;

    private void touch(String... paths) throws IOException {
        for (String p : paths) {
            Path file = project.resolve(p);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "SELECT 1;\n");
        }
    }

    private List<String> scan(SeedSources sources) {
        return SeedScanner.scan(sources, new RecordingLog()).stream().map(SeedFile::path).toList();
    }

    @Test
    void initScriptsThenEachSeedDirectoryInNaturalOrder() throws IOException {
        touch("supabase/initdb/10_c.sql", "supabase/initdb/06_b.sql", "supabase/initdb/06_a.sql",
                "db/v5_14_personas.sql", "db/v5_9_base.sql", "db/v5_12_seed.sql", "extra/z.sql", "extra/a.sql");
        Files.createDirectories(project.resolve("db/nested.sql")); // a directory, not a file
        SeedSources sources = SeedSources.in(project)
                .withInitDirectory(configured(project.resolve("supabase/initdb")))
                .withSeedDirectories(configured(project.resolve("db")), configured(project.resolve("extra")),
                        configured(project.resolve("db")));
        assertEquals(List.of("supabase/initdb/06_a.sql", "supabase/initdb/06_b.sql", "supabase/initdb/10_c.sql",
                "db/v5_9_base.sql", "db/v5_12_seed.sql", "db/v5_14_personas.sql", "extra/a.sql", "extra/z.sql"),
                scan(sources), "a directory listed twice counts once");
    }

    @Test
    void pathsAreRecordedFromTheProjectDirectory() {
        assertEquals("db/v5_12_seed.sql", SqlFiles.recordedPath(project, project.resolve("db/v5_12_seed.sql")));
        assertEquals("db/v5_12_seed.sql",
                SqlFiles.recordedPath(project.resolve("sub/.."), project.resolve("./db/v5_12_seed.sql")));
        assertEquals("../shared/seed.sql",
                SqlFiles.recordedPath(project.resolve("app"), project.resolve("shared/seed.sql")));
    }

    @Test
    void missingDefaultDirectoryIsOneLine() throws IOException {
        touch("db/a.sql");
        RecordingLog log = new RecordingLog();
        SeedSources sources = SeedSources.in(project)
                .withInitDirectory(byDefault(project.resolve("supabase/initdb")))
                .withSeedDirectories(byDefault(project.resolve("db")));
        assertEquals(1, SeedScanner.scan(sources, log).size());
        assertEquals(List.of("INFO No " + project.resolve("supabase/initdb") + " (default initDirectory): skipped."),
                log.lines);
    }
}
