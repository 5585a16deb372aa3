package ai.pmoves.engine.bootstrap;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.supabase.PreparedItem;
import ai.pmoves.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** bootstrap on a bare PostgreSQL 17: a PMOVES-shaped tree written for Supabase runs unchanged, once. */
class BootstrapperTest {
    private static final TableName HISTORY = TableName.parse("supabase_migrations.schema_migrations", "historyTable");
    private static final TableName SEEDS = TableName.parse("supabase_migrations.seed_files", "seedTable");

    @TempDir
    Path project;
    TestPostgres.Database db;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void pmovesTree(TestInfo test) throws IOException {
        db = TestPostgres.newDatabase("boot_" + test.getTestMethod().orElseThrow().getName());
        write("supabase/initdb/02_seed.sql", """
                CREATE SCHEMA IF NOT EXISTS pmoves_core;
                CREATE TABLE IF NOT EXISTS pmoves_core.boards (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                  owner uuid DEFAULT auth.uid(), title text);
                INSERT INTO pmoves_core.boards (title) VALUES ('demo board');
                """);
        write("supabase/migrations/2025-09-08_geometry_bus.sql", """
                CREATE TABLE IF NOT EXISTS public.anchors (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                  created_by uuid REFERENCES auth.users (id), label text);
                ALTER TABLE public.anchors ENABLE ROW LEVEL SECURITY;
                DROP POLICY IF EXISTS read_anchors ON public.anchors;
                CREATE POLICY read_anchors ON public.anchors FOR SELECT USING (auth.uid() IS NOT NULL);
                GRANT SELECT ON public.anchors TO anon, authenticated, service_role;
                ALTER PUBLICATION supabase_realtime ADD TABLE public.anchors;
                """);
        write("supabase/migrations/20250115000000_service_catalog.sql", """
                CREATE TABLE IF NOT EXISTS pmoves_core.service_catalog (name text PRIMARY KEY);
                """);
        write("db/v5_12_seed.sql", "INSERT INTO pmoves_core.service_catalog VALUES ('agent-zero'), ('archon');\n");
    }

    @Test
    void preparesRunsInitMigrationsSeedsThenASecondRunChangesNothing() throws Exception {
        BootstrapResult first = bootstrap(SupabaseCompat.AUTO);
        assertEquals(List.of("supabase/initdb/02_seed.sql"), first.initScripts().ran());
        assertEquals(List.of("20250115000000_service_catalog.sql", "2025-09-08_geometry_bus.sql"),
                first.migrations().applied());
        assertEquals(List.of("db/v5_12_seed.sql"), first.seeds().ran());
        assertEquals("anchors", single("SELECT string_agg(tablename, ',') FROM pg_publication_tables"
                + " WHERE pubname = 'supabase_realtime'"));
        assertEquals("2", single("SELECT count(*) FROM pmoves_core.service_catalog"));
        assertEquals("f", single("SELECT has_schema_privilege('anon', 'pmoves_core', 'USAGE')"),
                "the files' own schema gets no USAGE from the plugin, as on Supabase");

        log.clear();
        BootstrapResult second = bootstrap(SupabaseCompat.AUTO);
        assertTrue(second.prepared().stream().allMatch(i -> i.outcome() == PreparedItem.Outcome.PRESENT),
                second.prepared().toString());
        assertEquals(List.of(), second.initScripts().ran());
        assertEquals(List.of(), second.migrations().applied());
        assertEquals(List.of(), second.seeds().ran());
        assertEquals("1", single("SELECT count(*) FROM pmoves_core.boards"), "the init script did not run twice");
        assertTrue(log.get(log.size() - 1).startsWith("INFO Bootstrap done in "), log.toString());
    }

    @Test
    void filesAfterAnInitScriptCallExtensionFunctionsUnqualifiedAsOnSupabase() throws Exception {
        write("supabase/migrations/20250201000000_tokens.sql", """
                CREATE TABLE public.invites (token text PRIMARY KEY DEFAULT encode(gen_random_bytes(12), 'hex'),
                  id uuid NOT NULL DEFAULT uuid_generate_v4());
                INSERT INTO public.invites DEFAULT VALUES;
                """);
        BootstrapResult result = bootstrap(SupabaseCompat.AUTO);
        assertTrue(result.migrations().applied().contains("20250201000000_tokens.sql"));
        assertEquals("24", single("SELECT length(token) FROM public.invites"));
    }

    @Test
    void anExtensionTheServerLacksIsNamedWithTheWaysOutNotBlamedOnTheFile() throws Exception {
        write("supabase/migrations/20250301000000_embeddings.sql", """
                create extension if not exists vector with schema extensions;
                create table public.documents (id bigint primary key, embedding vector(3));
                """);
        PmovesException e = assertThrows(PmovesException.class, () -> bootstrap(SupabaseCompat.EMULATE));
        assertTrue(e.getMessage().startsWith("20250301000000_embeddings.sql:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("The file is not at fault: this server does not have the extension vector")
                && e.getMessage().contains("-Dpmoves.engine=docker") && e.getMessage().contains("supabase/postgres")
                && e.getMessage().contains("supabaseCompat=emulate does not stand in for vector")
                && e.getMessage().contains("-Dpmoves.engine=system")
                && e.getMessage().contains("<artifactId>testcontainers-postgresql</artifactId>")
                && !e.getMessage().contains("Fix the file"), e.getMessage());
        if (Files.exists(Path.of("/etc/debian_version"))) {
            int major = Integer.parseInt(single("SELECT current_setting('server_version_num')::int / 10000"));
            assertTrue(e.getMessage().contains("(apt install postgresql-" + major + "-pgvector)"), e.getMessage());
        }
        assertEquals(null, single("SELECT to_regclass('public.documents')"));
    }

    @Test
    void aStoodInExtensionsObjectMissingUnderAutoPointsToEmulate() throws Exception {
        write("supabase/migrations/20250301000000_hooks.sql", """
                create table public.signups (id int primary key);
                create function public.notify() returns trigger language plpgsql as $$
                begin perform net.http_post('https://example.org/hook', to_jsonb(new)); return new; end $$;
                create trigger notify after insert on public.signups for each row execute function public.notify();
                insert into public.signups values (1);
                """);
        PmovesException e = assertThrows(PmovesException.class, () -> bootstrap(SupabaseCompat.AUTO));
        assertTrue(e.getMessage().contains("The file is not at fault: schema net comes with the extension pg_net")
                && e.getMessage().contains("-Dpmoves.supabaseCompat=emulate (a stand-in for pg_net")
                && !e.getMessage().contains("Fix the file"), e.getMessage());
    }

    @Test
    void aDumpsPgjwtUnderAutoPointsToEmulateWhichProvidesIt() throws Exception {
        write("supabase/migrations/20250301000000_remote_schema.sql", """
                CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA "extensions";
                CREATE EXTENSION IF NOT EXISTS "pgjwt" WITH SCHEMA "extensions";
                """);
        PmovesException e = assertThrows(PmovesException.class, () -> bootstrap(SupabaseCompat.AUTO));
        assertTrue(e.getMessage().startsWith("20250301000000_remote_schema.sql:2:")
                && e.getMessage().contains("The file is not at fault: this server does not have the extension pgjwt")
                && e.getMessage().contains("-Dpmoves.supabaseCompat=emulate (pmoves' own pgjwt, whose sign and verify")
                && !e.getMessage().contains("Fix the file"), e.getMessage());
    }

    @Test
    void aCallThatDoesNotFitAStandInIsTheFilesMistake() throws Exception {
        write("supabase/migrations/20250301000000_ping.sql", "select net.http_post(address := 'https://x.test');\n");
        PmovesException e = assertThrows(PmovesException.class, () -> bootstrap(SupabaseCompat.EMULATE));
        assertTrue(e.getMessage().contains("42883") && e.getMessage().endsWith("Fix the file and run again."),
                e.getMessage());
    }

    @Test
    void anExtensionTheDashboardEnabledButNoFileCreatesIsNamedWithTheStatementThatCreatesIt() throws Exception {
        write("supabase/migrations/20250301000000_accounts.sql", "create table public.accounts (email citext);\n");
        PmovesException e = assertThrows(PmovesException.class, () -> bootstrap(SupabaseCompat.AUTO));
        assertTrue(e.getMessage().contains("The file is not at fault: type citext comes with the extension citext")
                && e.getMessage().contains("create extension if not exists \"citext\" with schema extensions;"),
                e.getMessage());
    }

    @Test
    void aSeedReadingAnAuthTableOnlyTheAuthServiceCreatesSaysSo() throws Exception {
        write("db/v5_13_oauth_clients.sql", "DELETE FROM auth.oauth_clients;\n");
        PmovesException e = assertThrows(PmovesException.class, () -> bootstrap(SupabaseCompat.AUTO));
        assertTrue(e.getMessage().contains("auth.oauth_clients belongs to Supabase's Auth (GoTrue) service")
                && !e.getMessage().contains("Fix the file"), e.getMessage());
    }

    @Test
    void aFileThatIsWrongStillSaysToFixIt() throws Exception {
        write("supabase/migrations/20250301000000_typo.sql", "create tabel public.x (id int);\n");
        PmovesException e = assertThrows(PmovesException.class, () -> bootstrap(SupabaseCompat.AUTO));
        assertTrue(e.getMessage().endsWith("Fix the file and run again."), e.getMessage());
        assertFalse(e.getMessage().contains("not at fault"), e.getMessage());
    }

    @Test
    void withoutPreparationTheFirstSupabaseOnlyCallFailsWithFileAndLine() throws Exception {
        PmovesException e = assertThrows(PmovesException.class, () -> bootstrap(SupabaseCompat.OFF));
        assertTrue(e.getMessage().startsWith("supabase/initdb/02_seed.sql:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("3F000") || e.getMessage().contains("42883"), e.getMessage());
        assertEquals("0", single("SELECT count(*) FROM pg_namespace WHERE nspname = 'pmoves_core'"));
    }

    @Test
    void aGoTrueShapedSchemaMigrationsIsRepairedAndItsRowsKept() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE public.schema_migrations (version varchar(255) PRIMARY KEY);"
                    + " INSERT INTO public.schema_migrations VALUES ('20210710035447')");
        }
        BootstrapResult result = bootstrap(SupabaseCompat.AUTO);
        assertTrue(result.prepared().stream().anyMatch(i -> i.outcome() == PreparedItem.Outcome.REPAIRED));
        assertEquals("20210710035447|bigint", single("SELECT version || '|' || pg_typeof(version)"
                + " FROM public.schema_migrations"));
    }

    @Test
    void aProjectThatForgetsItsSchemaGrantFailsAsAnonAsOnSupabase() throws Exception {
        write("supabase/migrations/20250116000000_crm.sql", """
                CREATE SCHEMA IF NOT EXISTS crm;
                CREATE TABLE IF NOT EXISTS crm.members (email text);
                GRANT SELECT ON crm.members TO anon; -- and no GRANT USAGE ON SCHEMA crm
                CREATE TABLE IF NOT EXISTS public.notes (body text); -- no grant: Supabase's default privileges give it
                """);
        bootstrap(SupabaseCompat.AUTO);
        SQLException e = assertThrows(SQLException.class, () -> asAnon("SELECT count(*) FROM crm.members"));
        assertTrue(e.getMessage().contains("permission denied for schema crm"), e.getMessage());
        assertEquals("0", asAnon("SELECT count(*) FROM public.notes"), "public's default privileges, as on Supabase");
    }

    @Test
    void grantSchemaUsageRestoresTheGrantThatHidesAForgottenOne() throws Exception {
        write("supabase/migrations/20250116000000_crm.sql", """
                CREATE SCHEMA IF NOT EXISTS crm;
                CREATE TABLE IF NOT EXISTS crm.members (email text);
                GRANT SELECT ON crm.members TO anon;
                """);
        bootstrap(SupabaseCompat.AUTO, false, true);
        assertEquals("0", asAnon("SELECT count(*) FROM crm.members"));
        assertTrue(log.contains("INFO grantSchemaUsage: granted usage on schema crm for anon, authenticated,"
                + " service_role, which Supabase does not grant."), log.toString());
    }

    @Test
    void aDryRunPlansTheMigrationsAndTouchesNothing() throws Exception {
        BootstrapResult result = bootstrap(SupabaseCompat.AUTO, true);
        assertEquals(2, result.migrations().applied().size());
        assertEquals(null, result.seeds());
        assertEquals("0", single("SELECT count(*) FROM pg_namespace WHERE nspname IN ('auth', 'pmoves_core',"
                + " 'supabase_migrations')"));
        assertTrue(Files.readString(project.resolve("target/dry-run.sql")).contains("CREATE TABLE IF NOT EXISTS"
                + " pmoves_core.service_catalog"));
    }

    @Test
    void aFileNamedAsNoMigrationIsSkippedOnceWithAWarningAsTheCliSkipsIt() throws Exception {
        write("supabase/migrations/V3__oops.sql", "CREATE TABLE public.oops (id int);\n");
        BootstrapResult result = bootstrap(SupabaseCompat.AUTO);
        assertEquals(2, result.migrations().applied().size());
        assertEquals(1, log.stream().filter(l -> l.startsWith("WARN Skipped ") && l.contains("V3__oops.sql")).count(),
                log.toString());
        assertEquals("0", single("SELECT count(*) FROM pg_class WHERE relname = 'oops'"));
    }

    private BootstrapResult bootstrap(SupabaseCompat compat) {
        return bootstrap(compat, false);
    }

    private BootstrapResult bootstrap(SupabaseCompat compat, boolean dryRun) {
        return bootstrap(compat, dryRun, false);
    }

    private BootstrapResult bootstrap(SupabaseCompat compat, boolean dryRun, boolean grantSchemaUsage) {
        ApplyOptions apply = ApplyOptions.of(byDefault(project.resolve("supabase/migrations")))
                .withDryRun(dryRun ? project.resolve("target/dry-run.sql") : null)
                .withLockTimeout(Duration.ofSeconds(10));
        SeedSources sources = SeedSources.in(project)
                .withInitDirectory(byDefault(project.resolve("supabase/initdb")))
                .withSeedDirectories(byDefault(project.resolve("db")));
        SeedOptions seeds = SeedOptions.of(sources).withLockTimeout(Duration.ofSeconds(10));
        ConnectionSettings settings = ConnectionSettings.resolve(db.url(), db.user(), db.password(), Map.of(), 5);
        return new Bootstrapper(settings, new EngineLog() {
            @Override
            public void info(String line) {
                log.add("INFO " + line);
            }

            @Override
            public void warn(String line) {
                log.add("WARN " + line);
            }
        }).bootstrap(new BootstrapOptions(apply, seeds, compat).withGrantSchemaUsage(grantSchemaUsage));
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    /** The first value of {@code sql} run as the anon role, as PostgREST runs a request without a login. */
    private String asAnon(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET ROLE anon");
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private String single(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
