package ai.pmoves.engine.scaffold;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.engine.lint.LintOptions;
import ai.pmoves.engine.lint.Linter;
import ai.pmoves.engine.lint.SourceDirectory;
import ai.pmoves.engine.lint.SourceKind;
import ai.pmoves.engine.migration.MigrationScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pmoves:new's engine: the name, the template, the down script, and what it refuses. */
class NewMigrationTest {
    /** 10:30:05 UTC, seen from a clock in Tokyo (already the next day there): the name must still be UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T23:30:05Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path project;
    final List<String> log = new ArrayList<>();

    /** A migration by Ada in the default migrations directory. */
    private NewMigrationOptions options(String name) {
        return NewMigrationOptions.of(name, byDefault(project.resolve("supabase/migrations")), "Ada");
    }

    /** With its down script in the default rollback directory. */
    private NewMigrationOptions withRollback(String name) {
        return options(name).withRollback(byDefault(project.resolve("supabase/rollbacks")));
    }

    private List<Path> create(NewMigrationOptions options) {
        return new NewMigration(CLOCK, new RecordingLog(log)).create(options);
    }

    @Test
    void writesTheGuidesTemplateNamedByTheUtcTime() throws Exception {
        List<Path> written = create(options("Add feature  X").withIssue("PMOVES-123"));
        Path file = project.resolve("supabase/migrations/20260115233005_add_feature_x.sql");
        assertEquals(List.of(file), written);
        String sql = Files.readString(file);
        assertTrue(sql.startsWith("-- PMOVES.AI Migration: Add feature X\n-- Date: 2026-01-15\n-- Author: Ada\n"
                + "-- Jira Issue: PMOVES-123\n\n-- Create table\nCREATE TABLE IF NOT EXISTS public.add_feature_x (\n"
                + "  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),\n"), sql);
        assertTrue(sql.contains("CREATE INDEX IF NOT EXISTS idx_add_feature_x_name\n  ON public.add_feature_x(name);\n"));
        assertTrue(sql.contains("DROP POLICY IF EXISTS read_add_feature_x_all ON public.add_feature_x;\n"
                + "CREATE POLICY read_add_feature_x_all ON public.add_feature_x\n"), sql);
        assertTrue(sql.endsWith("COMMENT ON TABLE public.add_feature_x IS 'Add feature X';\n"), sql);
        assertEquals(List.of("INFO Created " + file), log);
    }

    @Test
    void whatItWritesPassesValidate() {
        create(withRollback("add feature x").withTable("app.features"));
        var report = Linter.lint(LintOptions.of(project, List.of(
                new SourceDirectory(SourceKind.MIGRATION, configured(project.resolve("supabase/migrations")), "m"),
                new SourceDirectory(SourceKind.ROLLBACK, configured(project.resolve("supabase/rollbacks")), "r"))));
        assertEquals(1, report.count(SourceKind.MIGRATION));
        assertEquals(List.of(), report.findings());
    }

    @Test
    void aTableInASchemaNamedByAKeywordIsWrittenQuotedSoTheFileRuns() throws Exception {
        List<Path> written = create(withRollback("add profile").withTable("user.profile"));
        String sql = Files.readString(written.get(0));
        assertTrue(sql.contains("CREATE TABLE IF NOT EXISTS \"user\".profile (\n"), sql);
        assertTrue(sql.contains("CREATE POLICY read_profile_all ON \"user\".profile\n"), sql);
        assertTrue(Files.readString(written.get(1)).contains("-- DROP TABLE IF EXISTS \"user\".profile CASCADE;"));
    }

    @Test
    void withRollbackWritesAnEmptyDownScriptOfTheSameName() throws Exception {
        List<Path> written = create(withRollback("add feature x").withTable("features"));
        Path down = project.resolve("supabase/rollbacks/20260115233005_add_feature_x.sql");
        assertEquals(down, written.get(1));
        assertEquals(List.of(), MigrationScript.read(down).statements(), "comments only: it undoes nothing yet");
        assertTrue(Files.readString(down).contains("-- DROP TABLE IF EXISTS public.features CASCADE;"));
        assertFalse(Files.readString(written.get(0)).contains("Jira Issue"), "no issue line without an issue");
    }

    @Test
    void neverOverwritesAFileNorReusesAVersion() throws Exception {
        Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("20260115233005_add_feature_x.sql"), "-- mine\n");
        PmovesException same = assertThrows(PmovesException.class, () -> create(options("add feature x")));
        assertTrue(same.getMessage().contains("already exists; pmoves:new never overwrites a file"), same.getMessage());
        assertEquals("-- mine\n", Files.readString(migrations.resolve("20260115233005_add_feature_x.sql")));
        PmovesException version = assertThrows(PmovesException.class, () -> create(options("other")));
        assertTrue(version.getMessage().startsWith("The migration 20260115233005_add_feature_x.sql already has version"
                + " 20260115233005"), version.getMessage());
        assertFalse(Files.exists(migrations.resolve("20260115233005_other.sql")));
    }

    @Test
    void anExistingDownScriptStopsBothFiles() throws Exception {
        Files.createDirectories(project.resolve("supabase/rollbacks"));
        Files.writeString(project.resolve("supabase/rollbacks/20260115233005_add_feature_x.sql"), "-- mine\n");
        PmovesException e = assertThrows(PmovesException.class, () -> create(withRollback("add feature x")));
        assertTrue(e.getMessage().startsWith("The down script "), e.getMessage());
        assertFalse(Files.exists(project.resolve("supabase/migrations/20260115233005_add_feature_x.sql")));
    }

    @Test
    void refusesNamesThatMakeNoGoodFileNameWithTheReason() {
        assertEquals("The migration name '' (pmoves.name) cannot be used: it is empty. Say what the migration does, e.g."
                + " -Dpmoves.name=\"add feature x\".", refused(""));
        assertEquals("The migration name '../x' (pmoves.name) cannot be used: '.' cannot be part of a migration file"
                + " name: use letters a-z, digits, spaces, - and _ (the name must work on every system and in git).",
                refused("../x"));
        assertTrue(refused("add_x.sql").contains("give only the description: pmoves:new adds the UTC timestamp and .sql"));
        assertTrue(refused("20250101_add x").contains("give only the description"));
        assertTrue(refused("café").contains("'é' (not ASCII) cannot be part"));
        assertTrue(refused("a\u0001b").contains("the control character U+0001"), refused("a\u0001b"));
        assertEquals("The migration name 'add x\\ndrop table a;' (pmoves.name) cannot be used: the control character"
                + " U+000A cannot be part of a migration file name: use letters a-z, digits, spaces, - and _ (the name"
                + " must work on every system and in git).", refused("add x\ndrop table a;"));
        assertTrue(refused("add\tx").contains("the control character U+0009"), "a tab is not made a space");
        assertTrue(refused("add x\n").contains("the control character U+000A"), "nor trimmed away");
        assertTrue(refused("___").contains("it has no letters or digits"));
        assertTrue(refused("x".repeat(101)).contains("it is 101 characters long; keep it to 100"));
    }

    @Test
    void aLineBreakInTheAuthorIsRefusedAndNothingIsWritten() {
        PmovesException e = assertThrows(PmovesException.class, () -> create(NewMigrationOptions.of("add x",
                byDefault(project.resolve("supabase/migrations")), "me\ndrop table a;")));
        assertEquals("The author 'me\\ndrop table a;' (pmoves.author) cannot be used: the control character U+000A"
                + " cannot be part of it: pmoves:new writes it into the new migration or its name, where a line break"
                + " would end a comment and run the rest as SQL. Give it on one line, without control characters, e.g."
                + " -Dpmoves.author=\"Ada Lovelace\". Nothing was written.", e.getMessage());
        assertFalse(Files.exists(project.resolve("supabase")));
    }

    @Test
    void everyValueThatReachesTheFileOrItsNameIsRefusedWithAControlCharacter() {
        List<NewMigrationOptions> refused = List.of(withRollback("add x").withIssue("PM-1\r\n-- Reviewed: yes"),
                withRollback("add x").withTable("public.x\n"), withRollback("add x").withTimestamp("20250115103000\t"),
                NewMigrationOptions.of("add x", byDefault(project.resolve("supabase/migrations")), "Ada\u001b[2K"));
        for (NewMigrationOptions options : refused) {
            PmovesException e = assertThrows(PmovesException.class, () -> create(options));
            assertTrue(e.getMessage().contains("cannot be used: the control character U+00"), e.getMessage());
            assertTrue(e.getMessage().endsWith("Nothing was written."), e.getMessage());
        }
        assertFalse(Files.exists(project.resolve("supabase")));
    }

    @Test
    void aNameThatMakesNoTableNameAsksForTheTable() throws Exception {
        PmovesException e = assertThrows(PmovesException.class, () -> create(options("2fa codes")));
        assertTrue(e.getMessage().contains("-Dpmoves.table=public.my_table"), e.getMessage());
        PmovesException bad = assertThrows(PmovesException.class,
                () -> create(options("2fa codes").withTable("Two-Factor")));
        assertEquals("table 'Two-Factor' (pmoves.table) is not a plain table or schema.table name: use lower-case"
                + " letters, digits and _, starting with a letter or _ (e.g. public.feature_x).", bad.getMessage());
        create(options("2fa codes").withTable("two_factor_codes"));
        assertTrue(Files.readString(project.resolve("supabase/migrations/20260115233005_2fa_codes.sql"))
                .contains("CREATE TABLE IF NOT EXISTS public.two_factor_codes ("));
    }

    @Test
    void warnsWhenAnExistingMigrationIsDatedLater() throws Exception {
        Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Files.writeString(migrations.resolve("2099-01-01_future.sql"), "SELECT 1;\n");
        create(options("now"));
        assertTrue(log.get(0).startsWith("WARN 2099-01-01_future.sql is dated after 20260115233005_now.sql"), log.toString());
    }

    @Test
    void aConfiguredMigrationsDirectoryThatIsMissingIsAnError() {
        PmovesException e = assertThrows(PmovesException.class,
                () -> create(NewMigrationOptions.of("x", configured(project.resolve("nope")), "Ada")));
        assertTrue(e.getMessage().startsWith("The configured migrationsDirectory"), e.getMessage());
    }

    @Test
    void aGivenTimestampNamesTheFileAndDatesTheHeader() throws Exception {
        NewMigrationOptions o = options("fix order");
        List<Path> written = create(o.withTimestamp("20250115000001"));
        assertEquals("20250115000001_fix_order.sql", written.get(0).getFileName().toString());
        assertTrue(Files.readString(written.get(0)).contains("-- Date: 2025-01-15\n"));
        PmovesException e = assertThrows(PmovesException.class, () -> create(o.withTimestamp("20250230000000")));
        assertEquals("timestamp '20250230000000' (pmoves.timestamp) is not a UTC time written yyyyMMddHHmmss, e.g."
                + " 20250115103000; leave it out to use the current time.", e.getMessage());
    }

    private String refused(String name) {
        return assertThrows(PmovesException.class, () -> create(options(name))).getMessage();
    }
}
