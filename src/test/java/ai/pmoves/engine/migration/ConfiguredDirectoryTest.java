package ai.pmoves.engine.migration;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one rule for every directory of files: a missing default holds none, a missing configured one is an error. */
class ConfiguredDirectoryTest {
    @TempDir
    Path root;

    @Test
    void aMissingDefaultDirectoryHoldsNoFiles() {
        assertFalse(byDefault(root.resolve("supabase/rollbacks")).exists("rollbackDirectory"));
    }

    @Test
    void aMissingConfiguredDirectoryIsAnErrorNamingItsParameter() {
        Path typo = root.resolve("supabase/migratoins");
        PmovesException e = assertThrows(PmovesException.class,
                () -> configured(typo).exists("migrationsDirectory"));
        assertEquals("The configured migrationsDirectory '" + typo + "' does not exist or is not a directory: create"
                + " it, or fix the path in <migrationsDirectory> / -Dpmoves.migrationsDirectory.", e.getMessage());
    }

    @Test
    void aConfiguredPathThatIsAFileIsNoDirectory() throws IOException {
        Path file = Files.writeString(root.resolve("seed.sql"), "SELECT 1;\n");
        assertThrows(PmovesException.class, () -> configured(file).exists("initDirectory"));
        assertFalse(byDefault(file).exists("initDirectory"));
    }

    @Test
    void anExistingDirectoryExistsWhoeverSetIt() {
        assertTrue(configured(root).exists("seedDirectories"));
        assertTrue(ConfiguredDirectory.of(root, false).exists("seedDirectories"));
    }
}
