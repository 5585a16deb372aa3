package ai.pmoves.engine.supabase;

import static ai.pmoves.engine.supabase.SupabasePreparationTest.columns;
import static ai.pmoves.engine.supabase.SupabasePreparationTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The Auth service's tables beside auth.users, as the preparation (auto) makes them on a bare PostgreSQL 17. */
class AuthTablesTest {
    private static final String USER = "b7e0c3a2-1111-4e5f-8a9b-0c1d2e3f4a5b";
    TestPostgres.Database db;

    @BeforeEach
    void prepared(TestInfo test) throws SQLException {
        db = TestPostgres.newDatabase("auth_" + test.getTestMethod().orElseThrow().getName());
        try (Connection c = db.connect()) {
            SupabasePreparation.prepare(c);
        }
    }

    @Test
    void everyTableDumpsNameIsThereWithRowLevelSecurityOn() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals("audit_log_entries flow_state identities instances mfa_amr_claims mfa_challenges mfa_factors"
                    + " one_time_tokens refresh_tokens saml_providers saml_relay_states schema_migrations sessions"
                    + " sso_domains sso_providers users", single(st, "SELECT string_agg(relname, ' ' ORDER BY relname)"
                    + " FROM pg_class WHERE relnamespace = 'auth'::regnamespace AND relkind = 'r' AND relrowsecurity"));
        }
    }

    @Test
    void sessionsAndRefreshTokensHaveTheServicesCurrentColumns() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertEquals("id uuid not null, user_id uuid not null, created_at timestamp with time zone, updated_at"
                    + " timestamp with time zone, factor_id uuid, aal auth.aal_level, not_after timestamp with time zone,"
                    + " refreshed_at timestamp without time zone, user_agent text, ip inet, tag text, oauth_client_id uuid,"
                    + " refresh_token_hmac_key text, refresh_token_counter bigint, scopes text",
                    columns(st, "auth.sessions"));
            assertEquals("instance_id uuid, id bigint not null default nextval('auth.refresh_tokens_id_seq'::regclass),"
                    + " token character varying(255), user_id character varying(255), revoked boolean, created_at"
                    + " timestamp with time zone, updated_at timestamp with time zone, parent character varying(255),"
                    + " session_id uuid", columns(st, "auth.refresh_tokens"));
            assertEquals("version character varying(255) not null", columns(st, "auth.schema_migrations"));
        }
    }

    @Test
    void aSchemaDumpsRevokeAndGrantsOnSchemaMigrationsRun() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // as `supabase db dump` writes them for the Auth service's tables
            st.execute("""
                    REVOKE ALL ON TABLE "auth"."schema_migrations" FROM "postgres";
                    GRANT SELECT ON TABLE "auth"."schema_migrations" TO "postgres" WITH GRANT OPTION;
                    GRANT ALL ON TABLE "auth"."schema_migrations" TO "dashboard_user";
                    GRANT ALL ON TABLE "auth"."sessions" TO "dashboard_user";
                    GRANT SELECT ON TABLE "auth"."mfa_factors" TO "postgres" WITH GRANT OPTION""");
            assertEquals("true|false", single(st, "SELECT has_table_privilege('dashboard_user',"
                    + " 'auth.schema_migrations', 'DELETE') || '|' || has_table_privilege('anon',"
                    + " 'auth.schema_migrations', 'SELECT')"));
        }
    }

    @Test
    void deletingAUserTakesItsSessionsTokensFactorsAndOneTimeTokensWithIt() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO auth.users (id, email) VALUES ('%1$s', 'ada@example.test');
                    INSERT INTO auth.sessions (id, user_id, aal) VALUES ('11111111-0000-4000-8000-000000000001', '%1$s',
                      'aal2');
                    INSERT INTO auth.refresh_tokens (token, user_id, session_id)
                      VALUES ('rt-1', '%1$s', '11111111-0000-4000-8000-000000000001');
                    INSERT INTO auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
                      VALUES (gen_random_uuid(), '11111111-0000-4000-8000-000000000001', now(), now(), 'totp');
                    INSERT INTO auth.mfa_factors (id, user_id, factor_type, status, created_at, updated_at)
                      VALUES ('22222222-0000-4000-8000-000000000002', '%1$s', 'totp', 'verified', now(), now());
                    INSERT INTO auth.mfa_challenges (id, factor_id, created_at, ip_address)
                      VALUES (gen_random_uuid(), '22222222-0000-4000-8000-000000000002', now(), '10.0.0.1');
                    INSERT INTO auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
                      VALUES (gen_random_uuid(), '%1$s', 'recovery_token', 'f00d', 'ada@example.test')""".formatted(USER));
            String counts = "SELECT (SELECT count(*) FROM auth.sessions)::text || (SELECT count(*) FROM auth.refresh_tokens)"
                    + " || (SELECT count(*) FROM auth.mfa_amr_claims) || (SELECT count(*) FROM auth.mfa_factors)"
                    + " || (SELECT count(*) FROM auth.mfa_challenges) || (SELECT count(*) FROM auth.one_time_tokens)";
            assertEquals("111111", single(st, counts));
            st.execute("DELETE FROM auth.users WHERE id = '" + USER + "'");
            assertEquals("000000", single(st, counts));
        }
    }

    @Test
    void ssoDomainsAreUniqueWhateverTheirCaseAndNeverEmpty() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO auth.sso_providers (id, resource_id) VALUES ('33333333-0000-4000-8000-000000000003', 'okta');
                    INSERT INTO auth.sso_domains (id, sso_provider_id, domain)
                      VALUES (gen_random_uuid(), '33333333-0000-4000-8000-000000000003', 'example.test');
                    INSERT INTO auth.saml_providers (id, sso_provider_id, entity_id, metadata_xml)
                      VALUES (gen_random_uuid(), '33333333-0000-4000-8000-000000000003', 'https://idp.test', '<x/>');
                    INSERT INTO auth.flow_state (id, provider_type, authentication_method, code_challenge_method)
                      VALUES ('44444444-0000-4000-8000-000000000004', 'sso/saml', 'sso/saml', 's256');
                    INSERT INTO auth.saml_relay_states (id, sso_provider_id, request_id, flow_state_id)
                      VALUES (gen_random_uuid(), '33333333-0000-4000-8000-000000000003', 'req-1',
                      '44444444-0000-4000-8000-000000000004')""");
            SQLException duplicate = assertThrows(SQLException.class, () -> st.execute("INSERT INTO auth.sso_domains"
                    + " (id, sso_provider_id, domain) VALUES (gen_random_uuid(), '33333333-0000-4000-8000-000000000003',"
                    + " 'EXAMPLE.test')"));
            assertTrue(duplicate.getMessage().contains("sso_domains_domain_idx"), duplicate.getMessage());
            SQLException empty = assertThrows(SQLException.class, () -> st.execute("INSERT INTO auth.sso_domains"
                    + " (id, sso_provider_id, domain) VALUES (gen_random_uuid(), '33333333-0000-4000-8000-000000000003',"
                    + " '')"));
            assertTrue(empty.getMessage().contains("domain not empty"), empty.getMessage());
            st.execute("DELETE FROM auth.sso_providers");
            assertEquals("000", single(st, "SELECT (SELECT count(*) FROM auth.sso_domains)::text"
                    + " || (SELECT count(*) FROM auth.saml_providers) || (SELECT count(*) FROM auth.saml_relay_states)"));
        }
    }
}
