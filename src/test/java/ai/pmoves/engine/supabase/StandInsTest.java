package ai.pmoves.engine.supabase;

import static ai.pmoves.engine.supabase.SupabasePreparationTest.columns;
import static ai.pmoves.engine.supabase.SupabasePreparationTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** supabaseCompat=emulate on a bare PostgreSQL 17, which has none of pg_net, pg_cron, supabase_vault, http. */
class StandInsTest {
    TestPostgres.Database db;
    List<PreparedItem> items;

    @BeforeEach
    void emulated(TestInfo test) throws SQLException {
        db = TestPostgres.newDatabase("standin_" + test.getTestMethod().orElseThrow().getName());
        try (Connection c = db.connect()) {
            items = SupabasePreparation.prepare(c, true);
        }
    }

    @Test
    void eachStandInIsCreatedOnceWithALineSayingWhatItDoesNotDo() throws Exception {
        List<String> standIns = items.stream().filter(i -> i.what().startsWith("stand-in")).map(PreparedItem::toString)
                .toList();
        assertEquals(5, standIns.size(), standIns.toString());
        assertTrue(standIns.get(0).startsWith("stand-in net (for pg_net): created — ")
                && standIns.get(0).contains("nothing is sent"), standIns.get(0));
        assertTrue(standIns.get(1).startsWith("stand-in cron (for pg_cron): created — ")
                && standIns.get(1).contains("no job ever runs"), standIns.get(1));
        assertTrue(standIns.get(2).contains("not encrypted"), standIns.get(2));
        assertTrue(standIns.get(3).startsWith("stand-in http (for http): created — ")
                && standIns.get(3).contains("send nothing"), standIns.get(3));
        assertTrue(standIns.get(4).startsWith("stand-in supabase_functions: created — "), standIns.get(4));
        try (Connection c = db.connect()) {
            assertTrue(SupabasePreparation.prepare(c, true).stream()
                    .allMatch(i -> i.outcome() == PreparedItem.Outcome.PRESENT));
            assertEquals(Set.of("pg_net", "pg_cron", "supabase_vault", "http"),
                    SupabasePreparation.stoodInExtensions(c));
        }
    }

    @Test
    void netRecordsEachRequestReturnsItsIdAndHasPgNetsSignatures() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals("url text, body jsonb DEFAULT '{}'::jsonb, params jsonb DEFAULT '{}'::jsonb, headers jsonb"
                    + " DEFAULT '{\"Content-Type\": \"application/json\"}'::jsonb, timeout_milliseconds integer"
                    + " DEFAULT 5000", single(st, "SELECT pg_get_function_arguments('net.http_post(text,jsonb,jsonb,"
                    + "jsonb,integer)'::regprocedure)"));
            long first = Long.parseLong(single(st, "SELECT net.http_post(url := 'https://hooks.example.org/new',"
                    + " body := '{\"id\": 7}'::jsonb, headers := '{\"Authorization\": \"Bearer k\"}'::jsonb)"));
            long second = Long.parseLong(single(st, "SELECT net.http_get('https://api.example.org/items',"
                    + " params := '{\"page\": \"2\"}')"));
            long third = Long.parseLong(single(st, "SELECT net.http_delete('https://api.example.org/items/7')"));
            assertEquals(List.of(first + 1, first + 2), List.of(second, third));
            assertEquals("POST https://hooks.example.org/new {\"id\": 7} Bearer k", single(st, "SELECT method || ' '"
                    + " || url || ' ' || convert_from(body, 'UTF8') || ' ' || (headers ->> 'Authorization')"
                    + " FROM net.http_request_queue WHERE id = " + first));
            assertEquals("GET https://api.example.org/items?page=2", single(st, "SELECT method || ' ' || url"
                    + " FROM net.http_request_queue WHERE id = " + second));
            assertEquals("0", single(st, "SELECT count(*) FROM net._http_response"), "no response ever arrives");
        }
    }

    @Test
    void cronKeepsJobsByNameAndNeverRunsThem() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            String id = single(st, "SELECT cron.schedule('purge', '0 3 * * *', 'DELETE FROM public.t')");
            assertEquals(id, single(st, "SELECT cron.schedule('purge', '0 4 * * *', 'DELETE FROM public.t')"),
                    "scheduling a job name again updates that job, as pg_cron does");
            String unnamed = single(st, "SELECT cron.schedule('*/5 * * * *', 'SELECT 1')");
            st.execute("SELECT cron.alter_job(" + unnamed + ", active := false)");
            assertEquals("purge 0 4 * * * true; null */5 * * * * false", single(st, "SELECT string_agg(coalesce(jobname,"
                    + " 'null') || ' ' || schedule || ' ' || active, '; ' ORDER BY jobid) FROM cron.job"));
            assertEquals("t", single(st, "SELECT cron.unschedule('purge')"));
            SQLException e = assertThrows(SQLException.class, () -> st.execute("SELECT cron.unschedule('purge')"));
            assertTrue(e.getMessage().contains("could not find valid entry for job 'purge'"), e.getMessage());
            assertEquals("0", single(st, "SELECT count(*) FROM cron.job_run_details"), "no job ever runs");
            assertEquals("jobid bigint not null default nextval('cron.job_jobid_seq'::regclass), schedule text not null,"
                    + " command text not null, nodename text not null default 'localhost'::text, nodeport integer not"
                    + " null default COALESCE(inet_server_port(), 5432), database text not null default"
                    + " current_database(), username text not null default CURRENT_USER, active boolean not null"
                    + " default true, jobname text", columns(st, "cron.job"));
        }
    }

    @Test
    void vaultKeepsSecretsReadableInPlainText() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            String id = single(st, "SELECT vault.create_secret('sk_test_1', 'stripe_key', 'Stripe')");
            st.execute("SELECT vault.update_secret('" + id + "', 'sk_test_2')");
            assertEquals("stripe_key|Stripe|sk_test_2|sk_test_2", single(st, "SELECT name || '|' || description"
                    + " || '|' || decrypted_secret || '|' || secret FROM vault.decrypted_secrets"));
            assertThrows(SQLException.class, () -> st.execute("SELECT vault.create_secret('x', 'stripe_key')"),
                    "names are unique, as in supabase_vault");
        }
    }

    @Test
    void httpAnswersEveryCallWithTheDocumentedNotSentResponse() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals("503|" + StandIns.HTTP_NOT_SENT, single(st, "SELECT status || '|' || content"
                    + " FROM extensions.http_get('https://api.example.org')"));
            assertEquals("503", single(st, "SELECT (http_post('https://api.example.org', '{\"a\": 1}'::jsonb)).status"),
                    "unqualified through the search_path, as on Supabase");
            assertEquals("503", single(st, "SELECT (extensions.http(('PATCH', 'https://x', ARRAY[extensions.http_header("
                    + "'Authorization', 'k')], 'application/json', '{}')::extensions.http_request)).status"));
        }
    }

    @Test
    void aWebhookTriggerLogsTheHookAndRecordsThePostItWouldSend() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE public.orders (id int PRIMARY KEY, total numeric);
                    CREATE TRIGGER order_created AFTER INSERT ON public.orders FOR EACH ROW
                      EXECUTE FUNCTION supabase_functions.http_request('https://example.org/functions/v1/notify',
                      'POST', '{"Content-Type": "application/json"}', '{}', '5000');
                    INSERT INTO public.orders VALUES (1, 9.5)""");
            assertEquals("order_created|INSERT|9.5|5000", single(st, "SELECT h.hook_name || '|'"
                    + " || (convert_from(q.body, 'UTF8')::jsonb ->> 'type') || '|'"
                    + " || (convert_from(q.body, 'UTF8')::jsonb -> 'record' ->> 'total') || '|' || q.timeout_milliseconds"
                    + " FROM supabase_functions.hooks h JOIN net.http_request_queue q ON q.id = h.request_id"));
        }
    }

    @Test
    void aFilesCreateExtensionOfAStoodInExtensionRunsAsNothingAndSaysSo() throws Exception {
        RecordingLog log = new RecordingLog();
        try (Connection c = db.connect();
             Connection files = StandInConnection.wrap(c, SupabasePreparation.stoodInExtensions(c), log);
             Statement st = files.createStatement()) {
            st.execute("create extension if not exists pg_cron with schema extensions");
            st.execute("CREATE EXTENSION \"pg_net\"");
            st.execute("COMMENT ON EXTENSION pg_net IS 'Async HTTP'");
            st.execute("create extension if not exists citext with schema extensions"); // the server has it
            SQLException e = assertThrows(SQLException.class, () -> st.execute("CREATE EXTENSION vector"));
            assertEquals("0A000", e.getSQLState(), e.getMessage());
            assertEquals(3, log.lines.size(), log.lines.toString());
            assertTrue(log.lines.get(0).startsWith("INFO Supabase stand-in: create extension if not exists pg_cron"
                    + " with schema extensions — the server has no pg_cron"), log.lines.get(0));
            assertEquals("citext", single(st, "SELECT string_agg(extname, ',') FROM pg_extension WHERE extname"
                    + " IN ('citext', 'pg_cron', 'pg_net')"));
        }
    }

    @Test
    void onlyTheStatementItselfCountsNotWordsInStringsCommentsOrBodies() {
        Set<String> stood = Set.of("pg_cron", "pg_net");
        assertEquals("pg_cron", StandInConnection.extensionOf("CREATE EXTENSION IF NOT EXISTS \"pg_cron\" CASCADE", stood));
        assertEquals("pg_net", StandInConnection.extensionOf("create /* async */ extension pg_net schema extensions", stood));
        assertNull(StandInConnection.extensionOf("SELECT 'create extension pg_cron'", stood));
        assertNull(StandInConnection.extensionOf("DO $$ BEGIN CREATE EXTENSION pg_cron; END $$", stood));
        assertNull(StandInConnection.extensionOf("CREATE EXTENSION citext", stood));
        assertEquals("pg_net", StandInConnection.extensionOf("DROP EXTENSION IF EXISTS pg_net CASCADE", stood));
        assertEquals("pg_net", StandInConnection.extensionOf("ALTER EXTENSION pg_net SET SCHEMA extensions", stood));
        assertNull(StandInConnection.extensionOf("DROP EXTENSION IF EXISTS pg_net, citext", stood));
    }
}
