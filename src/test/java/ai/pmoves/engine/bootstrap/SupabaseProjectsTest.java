package ai.pmoves.engine.bootstrap;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.supabase.PreparedItem;
import ai.pmoves.testing.CatalogSnapshot;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Look-alike Supabase projects (written for this test after the way public projects use the platform) brought to
 * their full state on a plain PostgreSQL 17 with supabaseCompat=emulate, as their authors wrote them; a second run
 * applies nothing and changes nothing.
 */
class SupabaseProjectsTest {
    private static final TableName HISTORY = TableName.parse("supabase_migrations.schema_migrations", "historyTable");
    private static final TableName SEEDS = TableName.parse("supabase_migrations.seed_files", "seedTable");

    static Stream<Arguments> projects() {
        return Stream.of(
                // profiles by trigger on auth.users, an avatars bucket with folder policies, an access token hook
                // granted to supabase_auth_admin, users and identities seeded with crypt()
                Arguments.of("saas-starter", "SELECT (SELECT count(*) FROM public.profiles) || '|'"
                        + " || (public.access_token_claims(jsonb_build_object('user_id',"
                        + " 'b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b', 'claims', '{}'::jsonb)) -> 'claims' ->> 'plan')"
                        + " || '|' || (SELECT storage.foldername(name)::text FROM storage.objects)",
                        "2|pro|{b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b}"),
                // an upload trigger on storage.objects that posts to an edge function whose URL is in Vault
                Arguments.of("doc-pipeline", "SELECT (SELECT title FROM public.documents) || '|' || url"
                        + " FROM net.http_request_queue", "handbook.pdf|http://functions.internal:9000/functions/v1"
                        + "/extract-text"),
                // pg_cron jobs calling SQL and net.http_post with a Vault secret; one paused with alter_job
                Arguments.of("nightly-jobs", "SELECT string_agg(jobname || ':' || active, ',' ORDER BY jobname)"
                        + " || '|' || (SELECT signups FROM public.daily_reports) FROM cron.job",
                        "roll-up:true,warm-cache:false|2"),
                // dashboard-made database webhooks (supabase_functions.http_request) fired by the seed
                Arguments.of("shop-webhooks", "SELECT string_agg(h.hook_name, ',' ORDER BY h.id) || '|' || count(q.id)"
                        + " FROM supabase_functions.hooks h JOIN net.http_request_queue q ON q.id = h.request_id",
                        "orders-created,orders-created,orders-created,orders-shipped|4"),
                // a remote_schema.sql dump: quoted CREATE/COMMENT ON EXTENSION, http, owners, default privileges
                Arguments.of("dashboard-dump", "SELECT public.status_page_code() || '|' || (SELECT count(*) FROM"
                        + " pg_publication_tables WHERE pubname = 'supabase_realtime' AND tablename = 'tickets')",
                        "503|1"),
                // citext, uuid_generate_v4 and gen_random_bytes unqualified; grants and owners of platform roles
                Arguments.of("team-crm", "SELECT (SELECT count(*) FROM crm.members WHERE email = 'owner@example.TEST')"
                        + " || '|' || (SELECT length(token) FROM crm.invites) || '|'"
                        + " || (SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'is_member')", "1|32|supabase_admin"),
                // a db dump naming pgsodium, pg_graphql and pgjwt: tokens signed with a Vault key and checked again,
                // grants on graphql_public, and a GraphQL call that answers why it cannot
                Arguments.of("api-tokens-dump", "SELECT string_agg(name || ':' || (public.client_of_token(token) = id),"
                        + " ',' ORDER BY name) || '|' || (graphql_public.graphql(query := '{ apiClientsCollection"
                        + " { edges { node { name } } } }') -> 'errors' -> 0 ->> 'message') FROM public.api_clients",
                        "billing-worker:true,report-exporter:true|not resolved: pmoves stand-in for pg_graphql"),
                // pgmq and pg_jsonschema created by the files, a schema CHECK, realtime.broadcast_changes in a trigger,
                // a policy on realtime.messages, a view over auth.sessions, a seed that works the queue
                Arguments.of("chat-moderation", "SELECT (SELECT count(*) FROM realtime.messages"
                        + " WHERE topic = 'room:general') || '|' || queue_length || '|'"
                        + " || (SELECT count(*) FROM pgmq.a_moderation) || '|'"
                        + " || (SELECT aal FROM public.recent_sessions) FROM pgmq.metrics('moderation')", "2|1|1|aal1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void emulateAppliesEveryMigrationAndSeedThenASecondRunAppliesNothing(String name, String check, String expected)
            throws Exception {
        Path project = Path.of(SupabaseProjectsTest.class.getResource("/supabase-projects/" + name).toURI());
        TestPostgres.Database db = TestPostgres.newDatabase("project_" + name.replace('-', '_'));
        RecordingLog log = new RecordingLog();
        long migrations;
        try (Stream<Path> files = Files.list(project.resolve("supabase/migrations"))) {
            migrations = files.count();
        }

        BootstrapResult first = bootstrap(project, db, log);
        assertEquals(migrations, first.migrations().applied().size(), log.lines.toString());
        assertEquals(List.of("supabase/seed.sql"), first.seeds().ran());
        assertEquals(expected, db.column(check).get(0));
        List<String> catalog = CatalogSnapshot.full(db);

        BootstrapResult second = bootstrap(project, db, log);
        assertEquals(List.of(), second.migrations().applied());
        assertEquals(List.of(), second.seeds().ran());
        assertTrue(second.prepared().stream().allMatch(i -> i.outcome() == PreparedItem.Outcome.PRESENT),
                second.prepared().toString());
        List<String> after = CatalogSnapshot.full(db);
        assertEquals(catalog, after, CatalogSnapshot.difference(catalog, after));
    }

    private static BootstrapResult bootstrap(Path project, TestPostgres.Database db, RecordingLog log) {
        ApplyOptions apply = ApplyOptions.of(configured(project.resolve("supabase/migrations")))
                .withLockTimeout(Duration.ofSeconds(10));
        SeedSources sources = SeedSources.in(project)
                .withSeedDirectories(configured(project.resolve("supabase")))
                .withIncludes(List.of("seed.sql"));
        SeedOptions seeds = SeedOptions.of(sources).withLockTimeout(Duration.ofSeconds(10));
        ConnectionSettings settings = ConnectionSettings.resolve(db.url(), db.user(), db.password(), Map.of(), 5);
        return new Bootstrapper(settings, log).bootstrap(new BootstrapOptions(apply, seeds, SupabaseCompat.EMULATE));
    }
}
