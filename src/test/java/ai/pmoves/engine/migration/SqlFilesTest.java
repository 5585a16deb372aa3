package ai.pmoves.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The path every kind of file is recorded and shown by: seeds, definitions, hooks. */
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
}
