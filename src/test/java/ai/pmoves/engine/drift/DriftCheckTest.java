package ai.pmoves.engine.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.schema.SchemaDiff;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.server.PostgresServer;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * drift against a real PostgreSQL: the target is a database the files were applied to, changed by hand or not; the
 * expected schema is built on a scratch of its own, a fresh database standing in for the throwaway server.
 */
class DriftCheckTest {
    @TempDir
    Path root;
    MigrationsFixture target;

    @BeforeEach
    void appliedProject(TestInfo test) throws Exception {
        target = new MigrationsFixture(root, "drift_" + test.getTestMethod().orElseThrow().getName());
        target.file("20250101000000_notes.sql", """
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drift_reader') THEN CREATE ROLE drift_reader; END IF;
                END $$;
                CREATE TABLE public.notes (id bigint PRIMARY KEY, body text, created_at timestamptz);
                GRANT SELECT, INSERT ON public.notes TO drift_reader;
                """);
        target.apply();
    }

    /** A throwaway that is a fresh database of the test server: it costs no server start, and is dropped after. */
    private ThrowawayStarter freshDatabase() {
        return major -> {
            TestPostgres.Database scratch = TestPostgres.newDatabase("drift_scratch");
            return new PostgresServer() {
                public String url() {
                    return scratch.url();
                }

                public String user() {
                    return scratch.user();
                }

                public String password() {
                    return scratch.password();
                }

                public int port() {
                    return TestPostgres.server().port();
                }

                public String description() {
                    return "test database " + scratch.name() + " (PostgreSQL " + major + ")";
                }

                public void close() {
                }
            };
        };
    }

    private DriftOptions options() {
        return DriftOptions.of(target.options(), SeedOptions.of(SeedSources.in(root)))
                .withThrowaway(freshDatabase()).withReport(root.resolve("drift.json")).withFailOnDrift(false);
    }

    private SchemaDiff drift(DriftOptions options) {
        return new DriftCheck(target.settings(), target.engineLog()).check(options);
    }

    @Test
    void aTargetBuiltByTheFilesAloneHasNoDrift() throws Exception {
        assertEquals(List.of(), drift(options()).lines());
        assertTrue(target.log.stream().anyMatch(l -> l.startsWith("INFO No drift: the schema of ")), target.log::toString);
        String json = Files.readString(root.resolve("drift.json"));
        assertTrue(json.contains("\"drift\": []") && json.contains("\"total\": 0"), json);
    }

    @Test
    void anExtraTableAnAddedDefaultAndARevokedGrantAreEachNamed() throws Exception {
        target.execute("CREATE TABLE public.hotfix (x int);"
                + " ALTER TABLE public.notes ALTER COLUMN created_at SET DEFAULT now();"
                + " REVOKE INSERT ON public.notes FROM drift_reader");
        List<String> lines = drift(options()).lines();
        assertEquals(List.of(
                "added table public.hotfix: none → kind ordinary, row level security disabled, forced no",
                "added column public.hotfix.x: none → type integer, null nullable",
                "changed column public.notes.created_at: default none → now()",
                "changed grant table public.notes to drift_reader: privileges INSERT, SELECT → SELECT"), lines);
        assertTrue(target.log.containsAll(lines.stream().map(l -> "WARN " + l).toList()), target.log::toString);
        String json = Files.readString(root.resolve("drift.json"));
        assertTrue(json.contains("{\"kind\": \"table\", \"object\": \"public.hotfix\", \"change\": \"added\","
                + " \"expected\": null,") && json.contains("\"changed\": 2") && json.contains("\"total\": 4"), json);
    }

    @Test
    void aSupabaseTargetIsComparedWithFilesBuiltOnAPreparedScratchAndItsPlatformIsLeftOut() throws Exception {
        // the target as bootstrap leaves a plain PostgreSQL written for Supabase: auth, storage, the API roles
        target.file("20250103000000_profiles.sql", """
                CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), handle text);
                ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
                CREATE POLICY own_profile ON public.profiles FOR SELECT TO authenticated USING (id = auth.uid());
                CREATE FUNCTION public.new_profile() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
                  SET search_path = '' AS $$ BEGIN INSERT INTO public.profiles (id) VALUES (NEW.id); RETURN NEW; END $$;
                CREATE TRIGGER on_signup AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.new_profile();
                """);
        // bootstrapped from empty, as a Supabase database is made: the platform (and its default privileges for the
        // API roles) comes before the project's first table
        target.execute("DROP TABLE public.notes; DROP SCHEMA supabase_migrations CASCADE");
        new Bootstrapper(target.settings(), target.engineLog()).bootstrap(
                new BootstrapOptions(target.options(), SeedOptions.of(SeedSources.in(root)), SupabaseCompat.AUTO));
        assertEquals(List.of(), drift(options()).lines(), "the platform's own objects are no drift");

        // Studio's changes on the platform's tables that the project owns: its trigger, a storage policy
        target.execute("ALTER TABLE auth.users DISABLE TRIGGER on_signup;"
                + " CREATE POLICY public_avatars ON storage.objects FOR SELECT USING (bucket_id = 'avatars')");
        assertEquals(List.of("changed trigger auth.users.on_signup: enabled yes → no",
                "added policy storage.objects.public_avatars: none → as permissive, for select, to public,"
                        + " using (bucket_id = 'avatars'::text)"), drift(options()).lines());
    }

    @Test
    void driftFailsTheBuildWhenAskedNamingTheCountAndTheWayOut() throws Exception {
        target.execute("ALTER TABLE public.notes ALTER COLUMN created_at SET DEFAULT now()");
        PmovesException e = assertThrows(PmovesException.class, () -> drift(options().withFailOnDrift(true)));
        assertTrue(e.getMessage().startsWith("Drift: 1 difference between ") && e.getMessage().contains("into a migration")
                && e.getMessage().contains("-Dpmoves.failOnDrift=false"), e.getMessage());
    }

    @Test
    void aScratchDatabaseOnTheTargetsServerIsDroppedAfterwards() throws Exception {
        // the files create a role, which a scratch database would share: made by the test instead, before the check
        Files.writeString(target.directory.resolve("20250101000000_notes.sql"), """
                CREATE TABLE public.notes (id bigint PRIMARY KEY, body text, created_at timestamptz);
                GRANT SELECT, INSERT ON public.notes TO drift_reader;
                """);
        target.execute("DELETE FROM supabase_migrations.schema_migrations");
        target.execute("ALTER TABLE public.notes ADD COLUMN hotfix int");
        SchemaDiff diff = drift(options().withDatabase(DriftDatabase.SCRATCH));
        assertEquals(List.of("added column public.notes.hotfix: none → type integer, null nullable"), diff.lines());
        assertEquals(List.of(), scratchDatabases());
    }

    @Test
    void aScratchDatabaseIsDroppedWhenTheFilesFailOnIt() throws Exception {
        Files.writeString(target.directory.resolve("20250102000000_broken.sql"), "ALTER TABLE public.missing ADD x int;\n");
        Files.writeString(target.directory.resolve("20250101000000_notes.sql"), "CREATE TABLE public.notes (id int);\n");
        PmovesException e = assertThrows(PmovesException.class,
                () -> drift(options().withDatabase(DriftDatabase.SCRATCH)));
        assertTrue(e.getMessage().startsWith("Drift: the project's files do not build the expected schema")
                && e.getMessage().contains("20250102000000_broken.sql"), e.getMessage());
        assertEquals(List.of(), scratchDatabases());
    }

    @Test
    void aScratchDatabaseIsRefusedWhenTheFilesCreateRolesEvenInADoBlock() {
        PmovesException e = assertThrows(PmovesException.class,
                () -> drift(options().withDatabase(DriftDatabase.SCRATCH)));
        assertTrue(e.getMessage().contains("migrations/20250101000000_notes.sql:1: CREATE ROLE")
                && e.getMessage().contains("driftDatabase=throwaway"), e.getMessage());
    }

    @Test
    void aScratchDatabaseIsRefusedForAUserWhoMayNotCreateDatabases() throws Exception {
        TestPostgres.passwordRole("drift_no_createdb", "drift-No-createdb-1");
        target.execute("ALTER ROLE drift_no_createdb NOCREATEDB");
        ConnectionSettings plainUser = ConnectionSettings.resolve(target.database.url(), "drift_no_createdb",
                "drift-No-createdb-1", Map.of(), 5);
        PmovesException e = assertThrows(PmovesException.class, () -> new DriftCheck(plainUser, target.engineLog())
                .check(options().withDatabase(DriftDatabase.SCRATCH)));
        assertTrue(e.getMessage().startsWith("driftDatabase=scratch: drift_no_createdb may not create databases"),
                e.getMessage());
    }

    private List<String> scratchDatabases() throws SQLException {
        return target.column("SELECT datname FROM pg_database WHERE datname LIKE 'pmoves_drift_%'");
    }
}
