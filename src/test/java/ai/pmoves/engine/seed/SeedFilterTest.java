package ai.pmoves.engine.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedFilterTest {
    private static SeedFile seed(String path) {
        return new SeedFile(Path.of("/project").resolve(path), path);
    }

    private static boolean accepts(List<String> includes, List<String> excludes, String path) {
        return new SeedFilter(includes, excludes).accepts(seed(path));
    }

    @Test
    void defaultIncludeIsEverySqlFile() {
        assertTrue(accepts(List.of(), List.of(), "supabase/initdb/02_seed.sql"));
        assertTrue(accepts(List.of(" ", ""), List.of(), "db/v5_12_seed.sql"), "blank entries are no includes");
        assertFalse(accepts(List.of(), List.of(), "db/README.md"));
        assertFalse(accepts(List.of(), List.of(), "db/v5_12_seed.sql.bak"));
    }

    @Test
    void globWithoutSlashMatchesTheFileName() {
        List<String> v512 = List.of("v5_12_*.sql");
        assertTrue(accepts(v512, List.of(), "db/v5_12_seed.sql"));
        assertTrue(accepts(v512, List.of(), "db/v5_12_grounded_personas.sql"));
        assertFalse(accepts(v512, List.of(), "db/v5_13_geometry_swarm.sql"));
        assertFalse(accepts(v512, List.of(), "supabase/initdb/02_seed.sql"), "init scripts are filtered alike");
        assertTrue(accepts(List.of("0?_*.sql"), List.of(), "supabase/initdb/06_media_analysis.sql"));
        assertFalse(accepts(List.of("0?_*.sql"), List.of(), "supabase/initdb/10_archon_prompts_seed.sql"));
    }

    @Test
    void globWithSlashMatchesThePathFromTheProjectDirectory() {
        assertTrue(accepts(List.of("db/v5_1?_*.sql"), List.of(), "db/v5_14_seed_standard_personas.sql"));
        assertFalse(accepts(List.of("db/v5_1?_*.sql"), List.of(), "other/v5_14_seed_standard_personas.sql"));
        assertFalse(accepts(List.of("db/*.sql"), List.of(), "db/sub/a.sql"), "* stays within a directory");
        assertTrue(accepts(List.of("db/**"), List.of(), "db/sub/a.sql"));
        assertTrue(accepts(List.of("db/"), List.of(), "db/a.sql"), "a trailing / means everything below");
        assertTrue(accepts(List.of("**/02_seed.sql"), List.of(), "supabase/initdb/02_seed.sql"));
        assertTrue(accepts(List.of("db\\v5_12_seed.sql"), List.of(), "db/v5_12_seed.sql"), "Windows separators");
    }

    @Test
    void excludesWin() {
        assertFalse(accepts(List.of(), List.of("v5_12_*"), "db/v5_12_seed.sql"));
        assertFalse(accepts(List.of(), List.of("supabase/initdb/"), "supabase/initdb/02_seed.sql"));
        assertTrue(accepts(List.of(), List.of("supabase/initdb/"), "db/v5_12_seed.sql"));
    }

    @Test
    void regexQuotesEverythingButWildcards() {
        assertEquals("\\Qa\\E\\Q.\\E[^/]*", SeedFilter.regex("a.*"));
        assertTrue(accepts(List.of("v5(1).sql"), List.of(), "db/v5(1).sql"));
        assertFalse(accepts(List.of("v5.sql"), List.of(), "db/v5xsql"));
    }

    @Test
    void reportsGivenIncludesThatMatchNothing() {
        SeedFilter filter = new SeedFilter(List.of("v5_12_*.sql", "v5_21_*.sql"), List.of());
        filter.accepts(seed("db/v5_12_seed.sql"));
        assertEquals(List.of("v5_21_*.sql"), filter.unmatchedIncludes());
        SeedFilter defaults = new SeedFilter(List.of(), List.of());
        defaults.accepts(seed("db/README.md"));
        assertEquals(List.of(), defaults.unmatchedIncludes(), "the default *.sql is never reported");
    }
}
