package ai.pmoves.engine.seed;

import ai.pmoves.engine.PmovesException;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aMissingDefaultDirectoryIsSaidAtDebugLevelOnly() throws IOException {
        touch("db/a.sql");
        RecordingLog log = new RecordingLog();
        SeedSources sources = SeedSources.in(project)
                .withInitDirectory(byDefault(project.resolve("supabase/initdb")))
                .withSeedDirectories(byDefault(project.resolve("db")));
        assertEquals(1, SeedScanner.scan(sources, log).size());
        assertEquals(List.of("DEBUG No " + project.resolve("supabase/initdb") + " (default initDirectory): skipped."),
                log.lines);
    }

    /** db/ by default, then the Supabase CLI's seed files, read from supabase/config.toml as the CLI reads them. */
    private SeedSources cliLayout() {
        return SeedSources.in(project).withSeedDirectories(byDefault(project.resolve("db")))
                .withSupabaseSeeds(project.resolve("supabase"));
    }

    private void configToml(String toml) throws IOException {
        Files.createDirectories(project.resolve("supabase"));
        Files.writeString(project.resolve("supabase/config.toml"), toml);
    }

    @Test
    void withoutConfigTomlTheClisDefaultSeedSqlRunsAfterDb() throws IOException {
        touch("db/v5_12_seed.sql", "supabase/seed.sql", "supabase/other.sql");
        RecordingLog log = new RecordingLog();
        assertEquals(List.of("db/v5_12_seed.sql", "supabase/seed.sql"),
                SeedScanner.scan(cliLayout(), log).stream().map(SeedFile::path).toList());
        assertEquals(List.of(), log.lines, "nothing to say");
    }

    @Test
    void withoutConfigTomlOrSeedSqlThereIsNothingAndNoWarning() throws IOException {
        touch("supabase/migrations/0001_init.sql");
        RecordingLog log = new RecordingLog();
        assertEquals(List.of(), SeedScanner.scan(cliLayout(), log));
        assertEquals(List.of("DEBUG No " + project.resolve("db") + " (default seedDirectories): skipped."), log.lines);
    }

    @Test
    void aConfigTomlWithoutDbSeedMeansTheDefaultSeedSql() throws IOException {
        touch("supabase/seed.sql");
        configToml("project_id = \"movies\"\n\n[db]\nport = 54322 # the CLI's\n\n[auth]\n"
                + "additional_redirect_urls = [\n  \"https://127.0.0.1:3000\",\n]\n");
        assertEquals(List.of("supabase/seed.sql"), scan(cliLayout()));
    }

    @Test
    void sqlPathsRunInTheListedOrderTheFilesOfAGlobInTheClisByteOrderEachOnce() throws IOException {
        touch("supabase/seeds/v5_12_people.sql", "supabase/seeds/v5_9_base.sql", "supabase/seeds/notes.txt",
                "supabase/seed.sql", "supabase/demo/1_a.sql");
        configToml("[db]\nport = 54322\n\n[db.seed]\n# seeds for db reset\nenabled = true\n"
                + "sql_paths = [ './seed.sql',  # the main one\n  \"./seeds/*.sql\",\n"
                + "  \"seeds/v5_9_base.sql\", \"demo/**\" ]\n\n[realtime]\nenabled = true\n");
        assertEquals(List.of("supabase/seed.sql", "supabase/seeds/v5_12_people.sql", "supabase/seeds/v5_9_base.sql",
                "supabase/demo/1_a.sql"), scan(cliLayout()),
                "v5_12 before v5_9, as supabase db reset runs them; v5_9_base.sql, matched twice, runs once");
    }

    @Test
    void enabledFalseMeansNoSeedFromTheCliInOneLine() throws IOException {
        touch("db/a.sql", "supabase/seed.sql");
        configToml("[db.seed]\nenabled = false\nsql_paths = [\"./seed.sql\"]\n");
        RecordingLog log = new RecordingLog();
        assertEquals(List.of("db/a.sql"), SeedScanner.scan(cliLayout(), log).stream().map(SeedFile::path).toList());
        assertEquals(List.of("INFO " + project.resolve("supabase/config.toml")
                + " has [db.seed] enabled = false: none of its sql_paths is seeded."), log.lines);
    }

    @Test
    void aSqlPathsEntryThatMatchesNothingIsOneWarningNamingConfigToml() throws IOException {
        touch("db/a.sql", "supabase/seed.sql");
        configToml("[db.seed]\nsql_paths = [\"./seed.sql\", \"./seeds/*.sql\"]\n");
        RecordingLog log = new RecordingLog();
        assertEquals(2, SeedScanner.scan(cliLayout(), log).size());
        assertEquals(List.of("WARN [db.seed] sql_paths entry './seeds/*.sql' of "
                + project.resolve("supabase/config.toml") + " matches no file: nothing is seeded from it."), log.lines);
    }

    @Test
    void seedIncludesAndExcludesChooseAmongTheClisSeedsToo() throws IOException {
        touch("db/a.sql", "supabase/seed.sql");
        assertEquals(List.of("db/a.sql"), scan(cliLayout().withExcludes(List.of("seed.sql"))));
        assertEquals(List.of("supabase/seed.sql"), scan(cliLayout().withIncludes(List.of("supabase/*.sql"))));
    }

    @Test
    void aConfigTomlThatCannotBeReadIsAnErrorNamingItAndTheLine() throws IOException {
        touch("supabase/seed.sql");
        configToml("[db.seed]\nenabled = true\nsql_paths = [\"./seed.sql\n");
        PmovesException e = assertThrows(PmovesException.class, () -> scan(cliLayout()));
        assertTrue(e.getMessage().startsWith(project.resolve("supabase/config.toml") + ":3: "), e.getMessage());

        configToml("[db.seed]\nsql_paths = [\"./seed.sql\"\n\n[auth]\nsite_url = \"http://127.0.0.1:3000\"\n");
        e = assertThrows(PmovesException.class, () -> scan(cliLayout()));
        assertTrue(e.getMessage().startsWith(project.resolve("supabase/config.toml") + ":2: cannot read the array that"
                + " opens on this line"), e.getMessage());

        configToml("[db.seed]\nenabled = yes\n");
        e = assertThrows(PmovesException.class, () -> scan(cliLayout()));
        assertTrue(e.getMessage().startsWith(project.resolve("supabase/config.toml") + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains("enabled"), e.getMessage());
    }
}
