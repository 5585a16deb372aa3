package ai.pmoves.engine.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The preparation said in one line, and every item of it written down, from a real preparation. */
class PreparationReportTest {
    TestPostgres.Database db;

    @TempDir
    Path target;

    @BeforeEach
    void freshDatabase(TestInfo test) {
        db = TestPostgres.newDatabase("prep_report_" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aFirstRunIsOneLineByKindWithTheStandInsByNameAndASecondRunSaysAllPresent() throws Exception {
        List<PreparedItem> first;
        List<PreparedItem> second;
        try (Connection c = db.connect()) {
            first = SupabasePreparation.prepare(c, true);
            second = SupabasePreparation.prepare(c, true);
        }
        String line = PreparationReport.summary("emulate", first);
        // the roles are the server's, shared by every database: some may be there from another test
        assertTrue(line.matches("Supabase preparation \\(emulate\\): created (\\d+ roles?, )?4 schemas, 2 extensions,"
                + " \\d+ tables and functions, \\d+ grants, 1 setting; stand-ins: net, cron, vault, http, .*"), line);
        assertEquals("Supabase preparation (emulate): all " + second.size() + " present.",
                PreparationReport.summary("emulate", second));
    }

    @Test
    void theReportFileHoldsEveryItemWithItsOutcomeAndNote() throws Exception {
        List<PreparedItem> items;
        try (Connection c = db.connect()) {
            items = SupabasePreparation.prepare(c, true);
        }
        Path json = target.resolve("pmoves/preparation.json");
        PreparationReport.writeJson("emulate", items, json);
        String text = Files.readString(json);
        assertTrue(text.startsWith("{\n  \"mode\": \"emulate\",\n  \"items\": [\n    {\"what\": \"role anon\", \"outcome\":"),
                text);
        assertEquals(items.size(), text.lines().filter(l -> l.startsWith("    {\"what\": ")).count());
        assertTrue(text.contains("{\"what\": \"stand-in net (for pg_net)\", \"outcome\": \"created\", \"note\": \""),
                text);
    }
}
