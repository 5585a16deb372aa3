package ai.pmoves.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule firing where it should, and staying quiet in strings, comments and bodies where it should not. */
class RulesTest {
    @TempDir
    Path root;
    LintFixture project;

    @BeforeEach
    void project() {
        project = new LintFixture(root);
    }

    @Nested
    class UuidOssp {
        @Test
        void firesOnTheCallAndTheExtension() throws Exception {
            project.migration("20250101_a.sql", "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\";\n"
                    + "CREATE TABLE IF NOT EXISTS t (id uuid DEFAULT extensions.uuid_generate_v4());\n");
            assertEquals(List.of("1:1 CREATE EXTENSION \"uuid-ossp\"",
                    "2:58 uuid_generate_v4() comes from the uuid-ossp extension"), project.findings("uuid-ossp"));
        }

        @Test
        void firesInsideDoBlocksAndFunctionBodiesWhichRun() throws Exception {
            project.migration("20250101_a.sql", "DO $$ BEGIN PERFORM uuid_generate_v4(); END $$;\n"
                    + "CREATE OR REPLACE FUNCTION f() RETURNS uuid LANGUAGE sql AS $fn$\n  SELECT uuid_generate_v1()\n$fn$;\n");
            assertEquals(List.of("1:21 uuid_generate_v4() comes from the uuid-ossp extension",
                    "3:10 uuid_generate_v1() comes from the uuid-ossp extension"), project.findings("uuid-ossp"));
        }

        @Test
        void quietInStringsCommentsDollarValuesAndOtherLanguages() throws Exception {
            project.migration("20250101_a.sql", "-- we used uuid_generate_v4() before\n"
                    + "/* CREATE EXTENSION \"uuid-ossp\"; */\n"
                    + "COMMENT ON TABLE t IS 'was uuid_generate_v4()';\n"
                    + "COMMENT ON TABLE u IS $$was uuid_generate_v4()$$;\n"
                    + "CREATE OR REPLACE FUNCTION p() RETURNS text LANGUAGE plpython3u AS $$ return 'uuid_generate_v4()' $$;\n"
                    + "SELECT gen_random_uuid(), uuid_generate_v4;\n");
            assertEquals(List.of(), project.findings("uuid-ossp"));
        }
    }

    @Nested
    class IfNotExists {
        @Test
        void firesOnEachCreatableKind() throws Exception {
            project.migration("20250101_a.sql", "CREATE TABLE public.a (id int);\n"
                    + "create schema app;\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY a_id ON public.a (id);\n"
                    + "CREATE INDEX ON public.a (id);\n"
                    + "CREATE UNLOGGED SEQUENCE s;\n"
                    + "CREATE EXTENSION vector;\n"
                    + "CREATE MATERIALIZED VIEW mv AS SELECT 1;\n"
                    + "CREATE TYPE mood AS ENUM ('ok');\n");
            assertEquals(List.of("1:1 CREATE TABLE public.a without IF NOT EXISTS",
                    "2:1 CREATE SCHEMA app without IF NOT EXISTS",
                    "3:1 CREATE UNIQUE INDEX CONCURRENTLY a_id without IF NOT EXISTS",
                    "4:1 CREATE INDEX without a name, so without IF NOT EXISTS",
                    "5:1 CREATE SEQUENCE s without IF NOT EXISTS",
                    "6:1 CREATE EXTENSION vector without IF NOT EXISTS",
                    "7:1 CREATE MATERIALIZED VIEW mv without IF NOT EXISTS",
                    "8:1 CREATE TYPE mood: PostgreSQL has no CREATE TYPE IF NOT EXISTS"), project.findings("if-not-exists"));
            Finding type = project.lint().findings().stream().filter(f -> f.line() == 8).findFirst().orElseThrow();
            assertTrue(type.fix().contains("EXCEPTION WHEN duplicate_object THEN NULL"), type.fix());
        }

        @Test
        void quietWhenGuardedTemporaryOrInsideABody() throws Exception {
            project.migration("20250101_a.sql", "CREATE TABLE IF NOT EXISTS a (id int);\n"
                    + "CREATE SCHEMA IF NOT EXISTS auth;\n"
                    + "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_id ON a (id);\n"
                    + "CREATE TEMP TABLE scratch (id int);\n"
                    + "DO $$ BEGIN CREATE TYPE mood AS ENUM ('ok'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;\n"
                    + "SELECT 'CREATE TABLE x (id int)';\n");
            assertEquals(List.of(), project.findings("if-not-exists"));
        }
    }

    @Nested
    class DropPolicyFirst {
        @Test
        void firesWithoutAMatchingDropBefore() throws Exception {
            project.migration("20250101_a.sql", "CREATE POLICY p ON public.t FOR SELECT USING (true);\n"
                    + "DROP POLICY IF EXISTS q ON public.other;\n"
                    + "CREATE POLICY q ON public.t USING (true);\n"
                    + "CREATE POLICY r ON t USING (true);\n"
                    + "DROP POLICY IF EXISTS r ON t;\n");
            assertEquals(List.of("1:1 CREATE POLICY p ON public.t with no DROP POLICY IF EXISTS before it",
                    "3:1 CREATE POLICY q ON public.t with no DROP POLICY IF EXISTS before it",
                    "4:1 CREATE POLICY r ON t with no DROP POLICY IF EXISTS before it"), project.findings("drop-policy-first"));
        }

        @Test
        void quietAfterTheDropEvenWithQuotedOrUnqualifiedNames() throws Exception {
            project.migration("20250101_a.sql", "DROP POLICY IF EXISTS \"Read all\" ON public.t;\n"
                    + "CREATE POLICY \"Read all\" ON t FOR SELECT USING (true);\n"
                    + "DROP POLICY IF EXISTS P2 ON t;\n"
                    + "CREATE POLICY p2 ON public.t USING ('CREATE POLICY x ON y' <> '');\n");
            assertEquals(List.of(), project.findings("drop-policy-first"));
        }
    }

    @Nested
    class OrReplace {
        @Test
        void firesOnFunctionsProceduresViewsAndTriggers() throws Exception {
            project.migration("20250101_a.sql", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
                    + "CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;\n"
                    + "CREATE VIEW v AS SELECT 1;\n"
                    + "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();\n");
            assertEquals(List.of("1:1 CREATE FUNCTION f without OR REPLACE", "2:1 CREATE PROCEDURE p without OR REPLACE",
                    "3:1 CREATE VIEW v without OR REPLACE", "4:1 CREATE TRIGGER tr without OR REPLACE"),
                    project.findings("or-replace"));
        }

        @Test
        void quietWithOrReplaceOrAPrecedingDrop() throws Exception {
            project.migration("20250101_a.sql", "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
                    + "DROP FUNCTION IF EXISTS public.g(int, text), h;\n"
                    + "CREATE FUNCTION public.g(a int, b text) RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
                    + "CREATE FUNCTION h() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
                    + "DROP TRIGGER IF EXISTS tr ON public.t;\n"
                    + "CREATE TRIGGER tr BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION f();\n");
            assertEquals(List.of(), project.findings("or-replace"));
        }

        @Test
        void namesAreShownAsTheyWouldBeWritten() throws Exception {
            project.migration("20250101_a.sql", "CREATE TRIGGER \"Audit\" BEFORE UPDATE ON \"Weird Table\" FOR EACH ROW"
                    + " EXECUTE FUNCTION f();\n");
            Finding f = project.lint().findings().get(0);
            assertEquals("CREATE TRIGGER \"Audit\" without OR REPLACE", f.message());
            assertTrue(f.fix().endsWith("or put DROP TRIGGER IF EXISTS \"Audit\" ON \"Weird Table\"; before it"), f.fix());
        }

        @Test
        void aDropOfTheTriggerOnAnotherTableDoesNotCount() throws Exception {
            project.migration("20250101_a.sql", "DROP TRIGGER IF EXISTS tr ON other;\n"
                    + "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();\n");
            assertEquals(List.of("2:1 CREATE TRIGGER tr without OR REPLACE"), project.findings("or-replace"));
        }
    }

    @Nested
    class HistoryTimestamptz {
        @Test
        void firesOnTimestamptzColumnsOfAnySchemaMigrationsTable() throws Exception {
            project.file("supabase/initdb", "01_history.sql", "CREATE TABLE IF NOT EXISTS public.schema_migrations (\n"
                    + "  version bigint PRIMARY KEY,\n  inserted_at timestamptz\n);\n"
                    + "ALTER TABLE realtime.schema_migrations ADD COLUMN seen_at timestamp(0) with time zone;\n");
            assertEquals(List.of("3:15 a timestamptz column on public.schema_migrations",
                    "5:59 a timestamptz column on realtime.schema_migrations"), project.findings("history-timestamptz"));
        }

        @Test
        void quietOnOtherTablesAndWithoutTimeZone() throws Exception {
            project.migration("20250101_a.sql", "CREATE TABLE IF NOT EXISTS public.events (at timestamptz);\n"
                    + "CREATE TABLE IF NOT EXISTS public.schema_migrations (version bigint, inserted_at timestamp(0)"
                    + " without time zone, note text DEFAULT 'timestamptz');\n");
            assertEquals(List.of(), project.findings("history-timestamptz"));
        }
    }

    @Nested
    class RlsWithoutPolicy {
        @Test
        void firesWhenNoFileHasAPolicyOnTheTable() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE public.a ENABLE ROW LEVEL SECURITY;\n"
                    + "ALTER TABLE ONLY b ENABLE TRIGGER all, ENABLE ROW LEVEL SECURITY;\n"
                    + "CREATE POLICY p ON public.other USING (true);\n"
                    + "COMMENT ON TABLE a IS 'CREATE POLICY p ON public.a';\n");
            assertEquals(List.of("1:22 row level security is enabled on public.a, and no file creates a policy on it",
                    "2:40 row level security is enabled on b, and no file creates a policy on it"),
                    project.findings("rls-without-policy"));
        }

        @Test
        void policiesCountFromAnyFileAndFromDoBlocks() throws Exception {
            project.migration("20250101_a.sql", "ALTER TABLE public.a ENABLE ROW LEVEL SECURITY;\n"
                    + "ALTER TABLE public.b ENABLE ROW LEVEL SECURITY;\n")
                    .migration("20250102_b.sql", "DROP POLICY IF EXISTS p ON public.a;\nCREATE POLICY p ON a USING (true);\n")
                    .file("db", "v5_12_seed.sql", "DO $$ BEGIN\n  IF NOT EXISTS (SELECT FROM pg_policies WHERE policyname = 'q')"
                            + " THEN\n    CREATE POLICY q ON public.b USING (true);\n  END IF;\nEND $$;\n");
            assertEquals(List.of(), project.findings("rls-without-policy"));
        }
    }

    @Nested
    class MixedTransaction {
        @Test
        void firesOnANonTransactionalStatementAmongOthers() throws Exception {
            project.migration("20250101_a.sql", "BEGIN;\nCREATE TABLE IF NOT EXISTS a (id int);\n"
                    + "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_id ON a (id);\nCOMMIT;\n");
            List<Finding> found = project.lint().findings().stream()
                    .filter(f -> f.rule().id().equals("mixed-transaction")).toList();
            assertEquals(1, found.size());
            assertEquals("CREATE INDEX CONCURRENTLY cannot run in a transaction, and the file holds 1 other statement",
                    found.get(0).message());
            assertEquals(3, found.get(0).line());
            assertTrue(found.get(0).rule().why().contains("outside a transaction"), found.get(0).rule().why());
        }

        @Test
        void firesOnTransactionControlOfTheFilesOwnButNotOnAWrapper() throws Exception {
            project.migration("20250101_a.sql", "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n")
                    .migration("20250102_b.sql", "ALTER TYPE mood ADD VALUE 'great';\nCOMMIT;\n"
                            + "INSERT INTO feelings VALUES ('great');\n");
            List<Finding> found = project.lint().findings().stream()
                    .filter(f -> f.rule().id().equals("mixed-transaction")).toList();
            assertEquals(1, found.size(), found.toString());
            assertEquals("supabase/migrations/20250102_b.sql", found.get(0).file());
            assertEquals(2, found.get(0).line());
            assertTrue(found.get(0).message().startsWith("COMMIT at line 2 is transaction control of the file's own"),
                    found.get(0).message());
            assertTrue(found.get(0).message().contains("runs as written, as psql runs it, not atomic"),
                    found.get(0).message());
        }

        @Test
        void quietAloneOrWithTheDirectiveOrInAString() throws Exception {
            project.migration("20250101_a.sql", "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_id ON a (id);\n")
                    .migration("20250102_b.sql", "-- pmoves:no-transaction\nVACUUM a;\nVACUUM b;\n")
                    .migration("20250103_c.sql", "SELECT 'VACUUM';\nSELECT 2;\n");
            assertEquals(List.of(), project.findings("mixed-transaction"));
        }
    }

    @Nested
    class FileNames {
        @Test
        void warnsOfTheNamesApplySkipsAndSaysWhatNameWouldRun() throws Exception {
            project.migration("add_feature.sql", "SELECT 1;")
                    .migration("local_20240107152745_x.sql", "SELECT 1;")
                    .migration("20251340_bad_date.sql", "SELECT 1;")
                    .file("db", "not-a-migration-name.sql", "SELECT 1;");
            assertEquals(List.of("supabase/migrations/add_feature.sql 'add_feature.sql' is not a migration's name, so it"
                    + " is skipped", "supabase/migrations/local_20240107152745_x.sql 'local_20240107152745_x.sql' is not"
                    + " a migration's name, so it is skipped"), project.findings("file-name"));
            assertEquals(Severity.WARNING, rule("file-name").severity());
        }

        @Test
        void twoFilesOfOneVersionAreAnErrorAsApplyRefusesThem() throws Exception {
            project.migration("20250115_a.sql", "SELECT 1;")
                    .migration("20250115_b.sql", "SELECT 1;")
                    .migration("notes.sql", "SELECT 1;");
            List<String> found = project.findings("duplicate-version");
            assertEquals(1, found.size(), found.toString());
            assertTrue(found.get(0).startsWith("supabase/migrations/20250115_b.sql has the same version 20250115 as"
                    + " 20250115_a.sql"), found.toString());
            assertEquals(Severity.ERROR, rule("duplicate-version").severity());
        }

        private Rule rule(String id) {
            return Rules.ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        }

        @Test
        void anImpossibleDateIsAWarningAndASequenceNumberIsNone() throws Exception {
            project.migration("20251340_bad_date.sql", "SELECT 1;")
                    .migration("20250115250000_bad_hour.sql", "SELECT 1;")
                    .migration("00000000000001_schema.sql", "SELECT 1;")
                    .migration("0001_init.sql", "SELECT 1;")
                    .migration("20240229_leap_day.sql", "SELECT 1;");
            assertEquals(List.of(), project.findings("file-name"));
            assertEquals(List.of("supabase/migrations/20250115250000_bad_hour.sql its prefix 20250115250000 has no valid"
                    + " time of day (hhmmss 250000)", "supabase/migrations/20251340_bad_date.sql its prefix 20251340 is"
                    + " not a calendar date"), project.findings("file-date"));
            assertEquals(Severity.WARNING, Rules.ALL.stream().filter(r -> r.id().equals("file-date")).findFirst()
                    .orElseThrow().severity());
        }

        @Test
        void sameDayAndDescriptionInTwoFormsIsAWarning() throws Exception {
            project.migration("2025-09-08_geometry_bus.sql", "SELECT 1;")
                    .migration("20250908_geometry_bus.sql", "SELECT 1;")
                    .migration("20250908_geometry_bus_rls.sql", "SELECT 1;")
                    .migration("20250909000000_geometry_bus.sql", "SELECT 1;");
            assertEquals(List.of("supabase/migrations/20250908_geometry_bus.sql same day and description as"
                    + " 2025-09-08_geometry_bus.sql, in another name form"), project.findings("same-day-forms"));
        }
    }

    @Nested
    class SupabaseRoles {
        @Test
        void knowsEveryPlatformRole() throws Exception {
            project.migration("20250101_a.sql", "GRANT USAGE ON SCHEMA auth TO supabase_auth_admin;\n"
                    + "GRANT SELECT ON storage.objects TO supabase_storage_admin, dashboard_user;\n"
                    + "ALTER DEFAULT PRIVILEGES IN SCHEMA realtime GRANT ALL ON TABLES TO supabase_realtime_admin;\n"
                    + "GRANT SELECT ON public.t TO supabase_read_only_user, authenticator, pgbouncer;\n");
            assertEquals(List.of("1:1 GRANT names supabase_auth_admin, and no file creates that role nor does the build"
                    + " prepare them", "2:1 GRANT names dashboard_user, supabase_storage_admin, and no file creates those"
                    + " roles nor does the build prepare them", "3:1 ALTER DEFAULT PRIVILEGES names supabase_realtime_admin,"
                    + " and no file creates that role nor does the build prepare them", "4:1 GRANT names authenticator,"
                    + " pgbouncer, supabase_read_only_user, and no file creates those roles nor does the build prepare"
                    + " them"), project.findings("supabase-roles"));
        }

        @Test
        void firesOnGrantsAndPoliciesNamingRolesNobodyCreates() throws Exception {
            project.migration("20250101_a.sql", "GRANT SELECT ON public.t TO anon, authenticated;\n"
                    + "DROP POLICY IF EXISTS p ON t;\nCREATE POLICY p ON t TO service_role USING (true);\n"
                    + "GRANT SELECT ON public.t TO app_user;\n"
                    + "CREATE POLICY q ON t USING (auth.role() = 'authenticated');\n");
            assertEquals(List.of("1:1 GRANT names anon, authenticated, and no file creates those roles nor does the"
                    + " build prepare them", "3:1 CREATE POLICY names service_role, and no file creates that role nor"
                    + " does the build prepare them"), project.findings("supabase-roles"));
        }

        @Test
        void quietWhenAFileCreatesThemAsTheGuideShows() throws Exception {
            project.file("supabase/initdb", "00_roles.sql", "DO $$\nBEGIN\n"
                    + "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon') THEN\n"
                    + "    CREATE ROLE anon NOLOGIN NOINHERIT;\n  END IF;\n"
                    + "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated') THEN\n"
                    + "    CREATE ROLE authenticated NOLOGIN NOINHERIT;\n  END IF;\n"
                    + "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'service_role') THEN\n"
                    + "    CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;\n  END IF;\nEND $$;\n\n"
                    + "GRANT USAGE ON SCHEMA public, pmoves_core TO anon, authenticated, service_role;\n");
            assertEquals(List.of(), project.findings("supabase-roles"));
        }

        @Test
        void quietWhenTheBuildPreparesThem() throws Exception {
            project.migration("20250101_a.sql", "GRANT SELECT ON public.t TO anon;\n");
            project.rolesPrepared = true;
            assertEquals(List.of(), project.findings("supabase-roles"));
        }
    }

    @Nested
    class Syntax {
        @Test
        void anUnlexableFileIsAFindingWithItsPositionNotACrash() throws Exception {
            project.migration("20250101_a.sql", "SELECT 1;\nSELECT 'open;\n")
                    .file("supabase/rollbacks", "20250101_a.sql", "\\i other.sql\n");
            assertEquals(List.of("2:8 unterminated string literal opened here: add the closing ' (write '' for a ' inside"
                    + " the string)", "1:1 psql meta-command \\i is not supported: the plugin runs SQL through JDBC;"
                    + " inline the file or split it into migrations"), project.findings("syntax"));
        }
    }
}
