package ai.pmoves.engine.scaffold;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.definition.DefinitionSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pmoves:new -Dpmoves.kind=definition: a definition that runs, and runs again once edited. */
class NewDefinitionTest {
    @TempDir
    Path root;

    @Test
    void theNewDefinitionRunsAndRunsAgainOnceEditedAndIsNeverOverwritten() throws Exception {
        Path directory = root.resolve("supabase/definitions");
        Path file = NewDefinition.create("order total", byDefault(directory), EngineLog.SILENT);
        assertEquals(directory.resolve("order_total.sql"), file);
        MigrationsFixture db = new MigrationsFixture(root, "new_definition");
        ApplyOptions withDefinitions = db.options()
                .withDefinitions(new DefinitionSources(configured(directory), root));
        assertEquals(List.of("supabase/definitions/order_total.sql"), db.apply(withDefinitions).definitions());
        Files.writeString(file, Files.readString(file) + "-- edited\n");
        assertEquals(List.of("supabase/definitions/order_total.sql"), db.apply(withDefinitions).definitions());
        assertEquals(List.of("order_total"), db.column("SELECT proname FROM pg_proc WHERE proname = 'order_total'"));

        PmovesException e = assertThrows(PmovesException.class,
                () -> NewDefinition.create("order total", byDefault(directory), EngineLog.SILENT));
        assertTrue(e.getMessage().contains("never overwrites"), e.getMessage());
    }
}
