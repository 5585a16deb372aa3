package ai.pmoves.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.plan.ReleasePlan.PlannedFile;
import ai.pmoves.engine.plan.ReleasePlan.PlannedStatement;
import ai.pmoves.engine.schema.SchemaObject;
import ai.pmoves.engine.seed.SeedRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan.json written and read back, and the files that are no plan. */
class PlanJsonTest {
    @TempDir
    Path dir;

    /** A plan with one of everything, and text that needs escaping ("quotes", a line break, a non-ASCII letter). */
    private static ReleasePlan aPlan() {
        return new ReleasePlan(ReleasePlan.FORMAT, "0.3.0", "2026-12-07T03:00:00Z",
                new ReleasePlan.Database("jdbc:postgresql://db:5432/prod", "17.6", "prod"),
                HistoryFingerprint.of("supabase_migrations.schema_migrations",
                        List.of(new HistoryRow("20250101000000", "orders", "ab12", LocalDateTime.of(2025, 1, 1, 0, 0),
                                12, "postgres", null)),
                        List.of(new SeedRow("supabase/definitions/v.sql", "cd34", null, null))),
                new ReleasePlan.Catalog("ef56", List.of("auth", "storage"), List.of(new SchemaObject("column",
                        "public.orders.note", Map.of("type", "text", "default", "'é \"x\"'")))),
                List.of(new PlannedFile("20250102000000", "lines", "supabase/migrations/20250102000000_lines.sql",
                        "0a0b", false, List.of(new PlannedStatement(1, "CREATE INDEX CONCURRENTLY i ON t (c)"),
                        new PlannedStatement(3, "COMMENT ON TABLE t IS 'two\nlines'")))),
                List.of(),
                List.of(new PlannedFile(null, null, "supabase/definitions/v.sql", "cd35", true, List.of())),
                List.of(new PlannedFile(null, null, "supabase/hooks/afterMigrate.sql", "9f", true, List.of())));
    }

    private Path written(String text) throws Exception {
        return Files.writeString(dir.resolve("plan.json"), text);
    }

    @Test
    void aPlanReadsBackAsItWasWritten() throws Exception {
        ReleasePlan plan = aPlan();
        assertEquals(plan, PlanJson.read(written(PlanJson.toJson(plan))));
    }

    @Test
    void aPlanCutShortAnywhereIsRefusedNamingTheFile() throws Exception {
        String json = PlanJson.toJson(aPlan()).strip();
        // every prefix: a transfer may stop at any byte, and none may read as a smaller plan
        for (int end = 0; end < json.length(); end++) {
            Path file = written(json.substring(0, end));
            PmovesException e = assertThrows(PmovesException.class, () -> PlanJson.read(file), "cut at " + end);
            assertTrue(e.getMessage().startsWith(file + " is not a pmoves plan: "), e.getMessage());
        }
    }

    @Test
    void aPlanOfAnotherFormatIsRefusedSayingWhichItIs() throws Exception {
        Path file = written(PlanJson.toJson(aPlan()).replace(ReleasePlan.FORMAT, "pmoves-plan/2"));
        PmovesException e = assertThrows(PmovesException.class, () -> PlanJson.read(file));
        assertTrue(e.getMessage().contains("its format is 'pmoves-plan/2', where this plugin reads pmoves-plan/1"),
                e.getMessage());
    }

    @Test
    void aPlanMissingAFieldIsRefusedNamingTheField() throws Exception {
        Path file = written(PlanJson.toJson(aPlan()).replace("\"checksum\" : \"0a0b\",", ""));
        PmovesException e = assertThrows(PmovesException.class, () -> PlanJson.read(file));
        assertTrue(e.getMessage().contains("migrations[].checksum is missing or is not a string"), e.getMessage());
    }

    @Test
    void theHistoryFingerprintChangesWithAnyRowAndOnlyWithThem() {
        ReleasePlan.History once = aPlan().history();
        assertEquals(once, aPlan().history());
        ReleasePlan.History rerecorded = HistoryFingerprint.of("supabase_migrations.schema_migrations",
                List.of(new HistoryRow("20250101000000", "orders", "ab12", LocalDateTime.of(2025, 1, 2, 0, 0),
                        12, "postgres", null)),
                List.of(new SeedRow("supabase/definitions/v.sql", "cd34", null, null)));
        // the same rows by version and checksum, recorded again at another time: another fingerprint
        assertEquals(once.rows(), rerecorded.rows());
        assertNotEquals(once.fingerprint(), rerecorded.fingerprint());
    }
}
