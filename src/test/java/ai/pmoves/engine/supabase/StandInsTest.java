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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * supabaseCompat=emulate on a bare PostgreSQL 17, which has none of pg_net, pg_cron, supabase_vault, http, pgjwt,
 * pg_graphql, pgsodium.
 */
class StandInsTest {
    TestPostgres.Database db;
    List<PreparedItem> items;

    @BeforeEach
    void emulated(TestInfo test) throws SQLException {
        Emulated emulated = Emulated.database("standin_", test);
        db = emulated.db();
        items = emulated.items();
    }

    @Test
    void eachStandInIsCreatedOnceWithALineSayingWhatItDoesNotDo() throws Exception {
        List<String> standIns = items.stream().filter(i -> i.what().startsWith("stand-in")).map(PreparedItem::toString)
                .toList();
        assertEquals(10, standIns.size(), standIns.toString());
        assertTrue(standIns.get(0).startsWith("stand-in net (for pg_net): created — ")
                && standIns.get(0).contains("nothing is sent"), standIns.get(0));
        assertTrue(standIns.get(1).startsWith("stand-in cron (for pg_cron): created — ")
                && standIns.get(1).contains("no job ever runs"), standIns.get(1));
        assertTrue(standIns.get(2).contains("not encrypted"), standIns.get(2));
        assertTrue(standIns.get(3).startsWith("stand-in http (for http): created — ")
                && standIns.get(3).contains("send nothing"), standIns.get(3));
        assertTrue(standIns.get(4).startsWith("stand-in supabase_functions: created — "), standIns.get(4));
        assertTrue(standIns.get(5).startsWith("stand-in graphql (for pg_graphql): created — ")
                && standIns.get(5).contains("answer every query with an error"), standIns.get(5));
        assertTrue(standIns.get(6).startsWith("stand-in pgsodium (for pgsodium): created — ")
                && standIns.get(6).contains("no function"), standIns.get(6));
        assertTrue(standIns.get(7).startsWith("stand-in realtime: created — ")
                && standIns.get(7).contains("no client receives a message"), standIns.get(7));
        assertTrue(standIns.get(8).startsWith("stand-in pgmq (for pgmq): created — a working queue"), standIns.get(8));
        assertTrue(standIns.get(9).startsWith("stand-in pg_jsonschema (for pg_jsonschema): created — ")
                && standIns.get(9).contains("they do not check $ref"), standIns.get(9));
        assertEquals("pgjwt in schema extensions, by pmoves (for pgjwt): created — sign, verify, algorithm_sign,"
                + " url_encode, url_decode and try_cast_double work as pgjwt's do: tokens are really signed and checked"
                + " (HS256, HS384, HS512) with pgcrypto's hmac", items.stream().filter(i -> i.what().startsWith("pgjwt"))
                .findFirst().orElseThrow().toString());
        try (Connection c = db.connect()) {
            assertTrue(SupabasePreparation.prepare(c, true).stream()
                    .allMatch(i -> i.outcome() == PreparedItem.Outcome.PRESENT));
            assertEquals(Set.of("pg_net", "pg_cron", "supabase_vault", "http", "pgjwt", "pg_graphql", "pgsodium", "pgmq",
                    "pg_jsonschema"),
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
    void pgjwtSignsTheTokenJavaComputesForEachAlgorithm() throws Exception {
        String payload = "{\"sub\":\"b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b\",\"role\":\"authenticated\",\"exp\":4102444800}";
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals(jwt(payload, "a-secret-of-32-characters-or-so!", "HS256"), single(st, "SELECT extensions.sign('"
                    + payload + "'::json, 'a-secret-of-32-characters-or-so!')"), "HS256 is the default");
            for (String algorithm : List.of("HS256", "HS384", "HS512")) {
                assertEquals(jwt(payload, "k", algorithm), single(st, "SELECT sign('" + payload + "', 'k', '"
                        + algorithm + "')"), algorithm + ", unqualified through the search_path as on Supabase");
            }
            assertEquals("payload json, secret text, algorithm text DEFAULT 'HS256'::text",
                    single(st, "SELECT pg_get_function_arguments('extensions.sign(json,text,text)'::regprocedure)"));
            SQLException e = assertThrows(SQLException.class, () -> st.execute("SELECT extensions.sign('{}', 'k', 'RS256')"));
            assertTrue(e.getMessage().contains("RS256") && e.getMessage().contains("HS256, HS384 or HS512"),
                    e.getMessage());
        }
    }

    @Test
    void pgjwtVerifiesAJavaTokenAndRejectsAWrongSecretOrAnExpiredOne() throws Exception {
        String live = jwt("{\"sub\":\"42\",\"exp\":4102444800}", "s3cret", "HS384");
        String expired = jwt("{\"sub\":\"42\",\"exp\":946684800}", "s3cret", "HS256");
        String early = jwt("{\"sub\":\"42\",\"nbf\":4102444800}", "s3cret", "HS256");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals("HS384|42|true", single(st, "SELECT (header ->> 'alg') || '|' || (payload ->> 'sub') || '|'"
                    + " || valid FROM extensions.verify('" + live + "', 's3cret', 'HS384')"));
            assertEquals("false", single(st, "SELECT valid::text FROM extensions.verify('" + live + "', 'other', 'HS384')"));
            assertEquals("false", single(st, "SELECT valid::text FROM extensions.verify('" + expired + "', 's3cret')"));
            assertEquals("false", single(st, "SELECT valid::text FROM extensions.verify('" + early + "', 's3cret')"));
            assertEquals("true", single(st, "SELECT valid::text FROM verify(sign('{\"n\": 1}', 'x'), 'x')"));
            assertEquals("aGk_Pz8|hi???|null", single(st, "SELECT extensions.url_encode('hi???'::bytea) || '|'"
                    + " || convert_from(extensions.url_decode('aGk_Pz8'), 'utf8') || '|'"
                    + " || coalesce(extensions.try_cast_double('soon')::text, 'null')"));
        }
    }

    @Test
    void graphqlAnswersEveryCallWithAnErrorSayingItIsStoodInAndTakesGrantsAndComments() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals("query text, variables jsonb DEFAULT '{}'::jsonb, \"operationName\" text DEFAULT NULL::text,"
                    + " extensions jsonb DEFAULT NULL::jsonb", single(st, "SELECT pg_get_function_arguments("
                    + "'graphql.resolve(text,jsonb,text,jsonb)'::regprocedure)"));
            st.execute("""
                    GRANT USAGE ON SCHEMA "graphql_public" TO "anon";
                    GRANT ALL ON FUNCTION "graphql_public"."graphql"("operationName" "text", "query" "text",
                      "variables" "jsonb", "extensions" "jsonb") TO "anon";
                    GRANT ALL ON FUNCTION graphql.resolve TO service_role;
                    COMMENT ON SCHEMA graphql_public IS 'exposed through PostgREST'""");
            String answer = single(st, "SELECT graphql_public.graphql(query := '{ accountsCollection { edges { node"
                    + " { id } } } }')");
            assertEquals("null|" + SchemaDumpStandIns.GRAPHQL_NOT_RESOLVED, single(st, "SELECT (a -> 'data')::text || '|'"
                    + " || (a -> 'errors' -> 0 ->> 'message') FROM (SELECT '" + answer + "'::jsonb a) x"));
            assertEquals(answer, single(st, "SELECT graphql.resolve('{ __typename }')::text"));
        }
    }

    @Test
    void pgsodiumIsItsSchemaAndRolesOnly() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals("0", single(st, "SELECT count(*) FROM pg_proc WHERE pronamespace = 'pgsodium'::regnamespace"));
            assertEquals("pgsodium_keyholder>pgsodium_keyiduser, pgsodium_keymaker>pgsodium_keyholder", single(st,
                    "SELECT string_agg(a.rolname || '>' || r.rolname, ', ' ORDER BY a.rolname) FROM pg_auth_members m"
                    + " JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles a ON a.oid = m.member"
                    + " WHERE r.rolname LIKE 'pgsodium%' AND a.rolname LIKE 'pgsodium%'"));
        }
    }

    @Test
    void aDumpsStatementsAboutTheThreeExtensionsRunAsNothingWithALineEach() throws Exception {
        RecordingLog log = new RecordingLog();
        try (Connection c = db.connect();
             Connection files = Emulated.forFiles(c, log);
             Statement st = files.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS \"pgsodium\" WITH SCHEMA \"pgsodium\"");
            st.execute("CREATE EXTENSION IF NOT EXISTS \"pg_graphql\" WITH SCHEMA \"graphql\"");
            st.execute("CREATE EXTENSION IF NOT EXISTS \"pgjwt\" WITH SCHEMA \"extensions\"");
            st.execute("COMMENT ON EXTENSION \"pg_graphql\" IS 'pg_graphql: GraphQL support'");
            st.execute("DROP EXTENSION IF EXISTS \"pgjwt\"");
            assertEquals(5, log.lines.size(), log.lines.toString());
            assertTrue(log.lines.get(2).startsWith("INFO Supabase stand-in: CREATE EXTENSION IF NOT EXISTS \"pgjwt\""
                    + " WITH SCHEMA \"extensions\" — the server has no pgjwt, so the statement runs as nothing:"
                    + " in its place is pmoves' own pgjwt"), log.lines.get(2));
            assertTrue(log.lines.get(1).contains("a stand-in for pg_graphql whose graphql.resolve"), log.lines.get(1));
            assertEquals("0", single(st, "SELECT count(*) FROM pg_extension WHERE extname IN ('pgjwt', 'pg_graphql',"
                    + " 'pgsodium')"));
        }
    }

    /** A JWT as RFC 7519 builds it, with pgjwt's header, computed here with the JDK's HMAC. */
    private static String jwt(String payload, String secret, String algorithm) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signables = url.encodeToString(("{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + url.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String mac = "Hmac" + algorithm.replace("HS", "SHA");
        Mac hmac = Mac.getInstance(mac);
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), mac));
        return signables + "." + url.encodeToString(hmac.doFinal(signables.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFilesCreateExtensionOfAStoodInExtensionRunsAsNothingAndSaysSo() throws Exception {
        RecordingLog log = new RecordingLog();
        try (Connection c = db.connect();
             Connection files = Emulated.forFiles(c, log);
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
    void wrappersAndVectorAreNeverFakedAndTheErrorNamesThemAsTheServersLack() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String extension : List.of("wrappers", "vector")) {
                SQLException e = assertThrows(SQLException.class,
                        () -> st.execute("create extension if not exists " + extension + " with schema extensions"));
                String advice = MissingPlatform.advice(e, c);
                assertTrue(advice.contains("The file is not at fault: this server does not have the extension "
                        + extension) && advice.contains("supabaseCompat=emulate does not stand in for " + extension)
                        && !advice.contains("Fix the file"), advice);
            }
            assertEquals("0", single(st, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('wrappers', 'vector')"));
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
