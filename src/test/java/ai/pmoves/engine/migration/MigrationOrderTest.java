package ai.pmoves.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationOrderTest {
    /** The guide's tree, plus the Makefile's known glob-order bug (20251105 vs 2025-12-08/10). */
    @Test
    void timeOrderWithNameTieBreak() {
        List<String> expected = List.of(
                "20250115_persona_agent_creation.sql",
                "20250115000000_service_catalog.sql",
                "2025-09-08_geometry_bus.sql",
                "2025-09-08_geometry_bus_rls.sql",
                "2025-10-18_geometry_swarm.sql",
                "2025-10-18_geometry_swarm_compat.sql",
                "2025-10-20_geometry_cgp_views.sql",
                "20251105_chat_messages.sql",
                "2025-12-08_seed_work_items.sql",
                "2025-12-10_chat_messages_realtime.sql",
                "20251230000000_tokenism_simulator.sql",
                "20260115_model_registry.sql");
        List<Migration> shuffled = new ArrayList<>();
        for (String name : expected) {
            shuffled.add(new Migration(Path.of(name), MigrationName.parse(name)));
        }
        Collections.shuffle(shuffled, new java.util.Random(42));
        shuffled.sort(MigrationOrder.COMPARATOR);
        assertEquals(expected, shuffled.stream().map(Migration::fileName).toList());
    }

    /**
     * The order the Supabase CLI 2.117.0 itself printed for these files ({@code db push --dry-run}): versions compared
     * as strings, equal versions by file name; the dashed date, which the CLI skips, as its 8 digits.
     */
    @Test
    void versionsCompareAsStringsAsTheSupabaseCliOrdersThem() {
        assertOrder("00000000000001_x.sql", "0001_a.sql", "0002_b.sql", "0010_c.sql", "2024-01-01_d.sql",
                "20240101_z.sql", "20240101000000_y.sql", "20240102_w.sql", "9_q.sql");
    }

    @Test
    void aDashedDateAndAnEightDigitDateOfTheSameDayOrderByFileName() {
        assertOrder("2025-09-08_b.sql", "2025-09-08_b_rls.sql", "20250908_a.sql", "20250908000000_c.sql");
    }

    private static void assertOrder(String... expected) {
        List<Migration> shuffled = new ArrayList<>();
        for (String name : expected) {
            shuffled.add(new Migration(Path.of(name), MigrationName.parse(name)));
        }
        for (int seed = 0; seed < 5; seed++) {
            Collections.shuffle(shuffled, new java.util.Random(seed));
            shuffled.sort(MigrationOrder.COMPARATOR);
            assertEquals(List.of(expected), shuffled.stream().map(Migration::fileName).toList());
        }
    }

    @Test
    void naturalOrderComparesDigitRunsAsNumbers() {
        List<String> names = new ArrayList<>(List.of("v5_14_seed_standard_personas.sql", "v5_9_x.sql", "10_c.sql",
                "v5_12_seed.sql", "06_b.sql", "v5_12_grounded_personas.sql", "06_a.sql", "v5_13_geometry_swarm.sql"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("06_a.sql", "06_b.sql", "10_c.sql", "v5_9_x.sql", "v5_12_grounded_personas.sql",
                "v5_12_seed.sql", "v5_13_geometry_swarm.sql", "v5_14_seed_standard_personas.sql"), names);
    }

    @Test
    void naturalOrderHandlesLongDigitRunsAndLeadingZeros() {
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("a99999999999999999999", "a100000000000000000000")));
        assertEquals(-1, Integer.signum(NaturalOrder.INSTANCE.compare("2_x", "010_x")));
    }
}
