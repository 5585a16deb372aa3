package ai.pmoves.engine.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.testing.CatalogSnapshot;
import ai.pmoves.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The Supabase preparation on a bare PostgreSQL 17. */
class SupabasePreparationTest {
    TestPostgres.Database db;

    @BeforeEach
    void freshDatabase(TestInfo test) {
        db = TestPostgres.newDatabase("prep_" + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void createsEveryPieceOnceThenFindsThemPresentAndChangesNothing() throws Exception {
        List<PreparedItem> first;
        List<PreparedItem> second;
        String before;
        try (Connection c = db.connect()) {
            dropPlatformRolesIfUnused(c);
            first = SupabasePreparation.prepare(c);
            before = String.join("\n", CatalogSnapshot.of(db));
            second = SupabasePreparation.prepare(c);
            assertEquals(before, String.join("\n", CatalogSnapshot.of(db)), "a second preparation changes nothing");
        }
        List<String> whats = first.stream().map(PreparedItem::what).toList();
        assertEquals(List.of("role anon", "role authenticated", "role service_role", "role supabase_admin",
                "role supabase_auth_admin", "role supabase_storage_admin", "role authenticator", "role dashboard_user",
                "role supabase_functions_admin", "role postgres", "membership of anon, authenticated, service_role in authenticator", "schema auth", "schema storage",
                "schema realtime", "schema extensions", "extension pgcrypto in schema extensions",
                "extension uuid-ossp in schema extensions", SupabasePreparation.SEARCH_PATH_ITEM,
                "function auth.uid()", "function auth.role()", "function auth.email()", "function auth.jwt()",
                "table auth.users", "table auth.identities", "type auth.aal_level", "type auth.factor_type",
                "type auth.factor_status", "type auth.code_challenge_method", "type auth.one_time_token_type",
                "table auth.schema_migrations", "table auth.instances", "table auth.audit_log_entries",
                "table auth.sessions", "table auth.refresh_tokens", "table auth.mfa_factors", "table auth.mfa_challenges",
                "table auth.mfa_amr_claims", "table auth.sso_providers", "table auth.sso_domains",
                "table auth.saml_providers", "table auth.flow_state", "table auth.saml_relay_states",
                "table auth.one_time_tokens", "table storage.buckets", "table storage.objects",
                "function storage.foldername(text)", "function storage.filename(text)",
                "function storage.extension(text)", "publication supabase_realtime",
                "usage on schema public for anon, authenticated, service_role",
                "usage on schema extensions for anon, authenticated, service_role",
                "usage on schema auth for anon, authenticated, service_role",
                "usage on schema storage for anon, authenticated, service_role",
                "default privileges in schema public for anon, authenticated, service_role",
                "default privileges in schema storage for anon, authenticated, service_role"), whats);
        assertEquals(PreparedItem.Outcome.CREATED, first.get(first.size() - 1).outcome());
        assertTrue(first.subList(11, 49).stream().allMatch(i -> i.outcome() == PreparedItem.Outcome.CREATED),
                first.toString());
        // PostgreSQL grants USAGE on public to PUBLIC: nothing to grant there
        assertEquals(PreparedItem.Outcome.PRESENT, first.get(49).outcome());
        assertTrue(second.stream().allMatch(i -> i.outcome() == PreparedItem.Outcome.PRESENT), second.toString());
        assertEquals(List.of("true|false|false", "true|false|false", "true|false|true"), query("SELECT (NOT rolcanlogin) || '|' || rolinherit || '|'"
                + " || rolbypassrls FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role')"
                + " ORDER BY rolname"));
        assertEquals(List.of("anon", "authenticated", "service_role"), query("SELECT r.rolname FROM pg_auth_members m"
                + " JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles a ON a.oid = m.member"
                + " WHERE a.rolname = 'authenticator' ORDER BY 1"));
        assertEquals(List.of("pgcrypto|extensions", "uuid-ossp|extensions"), query("SELECT extname || '|' || nspname"
                + " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE extname IN ('pgcrypto', 'uuid-ossp') ORDER BY 1"));
    }

    @Test
    void theDatabaseGetsSupabasesSearchPathAndThePreparingSessionUsesItAtOnce() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            assertEquals("\"$user\", public, extensions", single(st, "SHOW search_path"));
            assertEquals(36, single(st, "SELECT uuid_generate_v4()::text").length(), "unqualified, as on Supabase");
        }
        try (Connection fresh = db.connect(); Statement st = fresh.createStatement()) {
            assertEquals("\"$user\", public, extensions", single(st, "SHOW search_path"));
            assertEquals("16", single(st, "SELECT length(gen_random_bytes(16))"));
        }
    }

    @Test
    void aSearchPathTheDatabaseAlreadySetsIsLeftAloneWithAWarning() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + db.name() + " SET search_path = public, app");
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            PreparedItem item = SupabasePreparation.prepare(c).stream()
                    .filter(i -> i.what().equals(SupabasePreparation.SEARCH_PATH_ITEM)).findFirst().orElseThrow();
            assertEquals(PreparedItem.Outcome.LEFT_ALONE, item.outcome());
            assertTrue(item.note().contains("search_path=public, app"), item.note());
            assertEquals("public, app", single(st, "SHOW search_path"));
        }
    }

    @Test
    void authUsersHasGoTruesColumnsAsTheCatalogShowsThem() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            assertEquals("""
                    instance_id uuid, id uuid not null, aud character varying(255), role character varying(255),\
                     email character varying(255), encrypted_password character varying(255),\
                     email_confirmed_at timestamp with time zone, invited_at timestamp with time zone,\
                     confirmation_token character varying(255), confirmation_sent_at timestamp with time zone,\
                     recovery_token character varying(255), recovery_sent_at timestamp with time zone,\
                     email_change_token_new character varying(255), email_change character varying(255),\
                     email_change_sent_at timestamp with time zone, last_sign_in_at timestamp with time zone,\
                     raw_app_meta_data jsonb, raw_user_meta_data jsonb, is_super_admin boolean,\
                     created_at timestamp with time zone, updated_at timestamp with time zone,\
                     phone text, phone_confirmed_at timestamp with time zone,\
                     phone_change text default ''::text, phone_change_token character varying(255) default\
                     ''::character varying, phone_change_sent_at timestamp with time zone,\
                     confirmed_at timestamp with time zone generated LEAST(email_confirmed_at, phone_confirmed_at),\
                     email_change_token_current character varying(255) default ''::character varying,\
                     email_change_confirm_status smallint default 0, banned_until timestamp with time zone,\
                     reauthentication_token character varying(255) default ''::character varying,\
                     reauthentication_sent_at timestamp with time zone, is_sso_user boolean not null default false,\
                     deleted_at timestamp with time zone, is_anonymous boolean not null default false""",
                    columns(st, "auth.users"));
            assertEquals("""
                    provider_id text not null, user_id uuid not null, identity_data jsonb not null,\
                     provider text not null, last_sign_in_at timestamp with time zone,\
                     created_at timestamp with time zone, updated_at timestamp with time zone,\
                     email text generated lower((identity_data ->> 'email'::text)),\
                     id uuid not null default gen_random_uuid()""", columns(st, "auth.identities"));
            assertEquals("confirmation_token_idx, email_change_token_current_idx, email_change_token_new_idx,"
                    + " reauthentication_token_idx, recovery_token_idx, users_email_partial_key,"
                    + " users_instance_id_email_idx, users_instance_id_idx, users_is_anonymous_idx, users_phone_key,"
                    + " users_pkey", single(st, "SELECT string_agg(indexname, ', ' ORDER BY indexname) FROM pg_indexes"
                    + " WHERE schemaname = 'auth' AND tablename = 'users'"));
            assertEquals("true|true", single(st, "SELECT relrowsecurity || '|' || (SELECT relrowsecurity FROM pg_class"
                    + " WHERE oid = 'auth.identities'::regclass) FROM pg_class WHERE oid = 'auth.users'::regclass"));
        }
    }

    @Test
    void aSeedWritesUsersAndIdentitiesTheWaySupabasesDocsShow() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            st.execute("""
                    INSERT INTO auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                      recovery_sent_at, last_sign_in_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
                      confirmation_token, email_change, email_change_token_new, recovery_token)
                    VALUES ('00000000-0000-0000-0000-000000000000', 'a1f0c1de-5a7e-4c1b-9d3e-0c6b1e2f3a4b',
                      'authenticated', 'authenticated', 'ada@example.org', crypt('secret', gen_salt('bf')), now(),
                      now(), now(), '{"provider": "email", "providers": ["email"]}', '{}', now(), now(), '', '', '', '');
                    INSERT INTO auth.identities (id, user_id, provider_id, identity_data, provider, last_sign_in_at,
                      created_at, updated_at)
                    VALUES (uuid_generate_v4(), 'a1f0c1de-5a7e-4c1b-9d3e-0c6b1e2f3a4b',
                      'a1f0c1de-5a7e-4c1b-9d3e-0c6b1e2f3a4b',
                      '{"sub": "a1f0c1de-5a7e-4c1b-9d3e-0c6b1e2f3a4b", "email": "Ada@Example.org"}', 'email', now(),
                      now(), now())""");
            assertEquals("ada@example.org|true|true", single(st, "SELECT i.email || '|' || (u.confirmed_at IS NOT NULL)"
                    + " || '|' || (u.encrypted_password = crypt('secret', u.encrypted_password))"
                    + " FROM auth.users u JOIN auth.identities i ON i.user_id = u.id"));
        }
    }

    @Test
    void storageTablesHaveTheStorageServicesShapeAndPoliciesUseItsPathHelpers() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            assertEquals("""
                    id text not null, name text not null, owner uuid, created_at timestamp with time zone default now(),\
                     updated_at timestamp with time zone default now(), public boolean default false,\
                     avif_autodetection boolean default false, file_size_limit bigint, allowed_mime_types text[],\
                     owner_id text, type storage.buckettype not null default 'STANDARD'::storage.buckettype,\
                     versioning_status text not null default 'DISABLED'::text""", columns(st, "storage.buckets"));
            assertEquals("""
                    id uuid not null default gen_random_uuid(), bucket_id text, name text, owner uuid,\
                     created_at timestamp with time zone default now(), updated_at timestamp with time zone default\
                     now(), last_accessed_at timestamp with time zone default now(), metadata jsonb,\
                     path_tokens text[] generated string_to_array(name, '/'::text), version text, owner_id text,\
                     user_metadata jsonb, archived_at timestamp with time zone, is_delete_marker boolean not null\
                     default false, is_versioned boolean not null default false""", columns(st, "storage.objects"));
            st.execute("""
                    INSERT INTO storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
                    VALUES ('avatars', 'avatars', true, 1048576, '{image/png,image/jpeg}');
                    CREATE POLICY "own folder" ON storage.objects FOR INSERT TO authenticated
                      WITH CHECK (bucket_id = 'avatars' AND (storage.foldername(name))[1] = auth.uid()::text);
                    INSERT INTO storage.objects (bucket_id, name, owner_id)
                    VALUES ('avatars', 'a1f0c1de/2024/me.final.png', 'a1f0c1de')""");
            assertEquals("{a1f0c1de,2024}|me.final.png|png|{a1f0c1de,2024,me.final.png}", single(st,
                    "SELECT storage.foldername(name)::text || '|' || storage.filename(name) || '|'"
                            + " || storage.extension(name) || '|' || path_tokens::text FROM storage.objects"));
            assertEquals("anon,authenticated,service_role", single(st, "SELECT string_agg(DISTINCT grantee, ','"
                    + " ORDER BY grantee) FROM information_schema.role_table_grants WHERE table_schema = 'storage'"
                    + " AND table_name = 'objects' AND privilege_type = 'INSERT' AND grantee <> current_user"));
        }
    }

    @Test
    void tablesThatAlreadyExistInAnotherShapeAreLeftAsTheyAre() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid PRIMARY KEY, email text)");
            List<PreparedItem> items = SupabasePreparation.prepare(c);
            assertEquals(PreparedItem.Outcome.PRESENT, items.stream().filter(i -> i.what().equals("table auth.users"))
                    .findFirst().orElseThrow().outcome());
            assertEquals("id uuid not null, email text", columns(st, "auth.users"));
        }
    }

    @Test
    void authHelpersReadTheJwtClaimsAsSupabaseDoes() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            c.setAutoCommit(false);
            st.execute("SELECT set_config('request.jwt.claims', '{\"sub\": \"6f1d7c9e-0b7a-4c55-9a37-2f6f3f7b9e11\","
                    + " \"role\": \"authenticated\", \"email\": \"ada@example.org\"}', true)");
            assertEquals("6f1d7c9e-0b7a-4c55-9a37-2f6f3f7b9e11|authenticated|ada@example.org|ada@example.org",
                    single(st, "SELECT auth.uid() || '|' || auth.role() || '|' || auth.email() || '|'"
                            + " || (auth.jwt() ->> 'email')"));
            c.rollback();
            st.execute("SELECT set_config('request.jwt.claim.sub', '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b', true)");
            assertEquals("0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b", single(st, "SELECT auth.uid()::text"));
            c.rollback();
            assertEquals("null", single(st, "SELECT coalesce(auth.uid()::text, 'null')"));
        }
    }

    @Test
    void aGuideStylePolicyFiltersRowsForTheAuthenticatedRole() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            SupabasePreparation.prepare(c);
            st.execute("CREATE TABLE public.new_feature (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text)");
            st.execute("INSERT INTO public.new_feature (name) VALUES ('a'), ('b')");
            st.execute("ALTER TABLE public.new_feature ENABLE ROW LEVEL SECURITY");
            st.execute("CREATE POLICY read_new_feature_all ON public.new_feature FOR SELECT"
                    + " USING (auth.uid() IS NOT NULL)");
            st.execute("GRANT SELECT ON public.new_feature TO authenticated");
            c.setAutoCommit(false);
            st.execute("SET LOCAL ROLE authenticated");
            assertEquals("0", single(st, "SELECT count(*) FROM public.new_feature"), "no JWT: no rows");
            st.execute("SELECT set_config('request.jwt.claims', '{\"sub\": \"6f1d7c9e-0b7a-4c55-9a37-2f6f3f7b9e11\"}', true)");
            assertEquals("2", single(st, "SELECT count(*) FROM public.new_feature"), "signed in: every row");
            c.rollback();
        }
    }

    @Test
    void goTrueShapedSchemaMigrationsIsConvertedToEctosShapeKeepingRows() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE public.schema_migrations (version varchar(255) PRIMARY KEY)");
            st.execute("INSERT INTO public.schema_migrations VALUES ('20210710035447'), ('20221208132122')");
            List<PreparedItem> items = SupabasePreparation.prepare(c);
            PreparedItem fix = items.get(items.size() - 1);
            assertEquals(PreparedItem.Outcome.REPAIRED, fix.outcome(), fix.toString());
            assertEquals("bigint|timestamp without time zone|0", single(st, "SELECT"
                    + " (SELECT data_type FROM information_schema.columns WHERE table_name = 'schema_migrations'"
                    + "  AND table_schema = 'public' AND column_name = 'version') || '|' ||"
                    + " (SELECT data_type FROM information_schema.columns WHERE table_name = 'schema_migrations'"
                    + "  AND table_schema = 'public' AND column_name = 'inserted_at') || '|' ||"
                    + " (SELECT datetime_precision FROM information_schema.columns WHERE table_name = 'schema_migrations'"
                    + "  AND table_schema = 'public' AND column_name = 'inserted_at')"));
            assertEquals("20210710035447,20221208132122",
                    single(st, "SELECT string_agg(version::text, ',' ORDER BY version) FROM public.schema_migrations"
                            + " WHERE inserted_at IS NOT NULL"));
            assertEquals(PreparedItem.Outcome.PRESENT, last(SupabasePreparation.prepare(c)).outcome());
        }
    }

    @Test
    void nonNumericVersionsAreLeftAloneWithTheFixingSql() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE public.schema_migrations (version text PRIMARY KEY)");
            st.execute("INSERT INTO public.schema_migrations VALUES ('20210710035447'), ('2025-09-08_geometry_bus')");
            PreparedItem fix = last(SupabasePreparation.prepare(c));
            assertEquals(PreparedItem.Outcome.LEFT_ALONE, fix.outcome());
            assertTrue(fix.note().contains("1 version(s) are not numbers")
                    && fix.note().contains(RealtimeMigrationsFix.FIX_SQL), fix.note());
            assertEquals("text", single(st, "SELECT data_type FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name = 'schema_migrations' AND column_name = 'version'"));
        }
    }

    @Test
    void aUserWhoCannotCreateRolesGetsTheNameOfThePrivilegeAndNothingIsKept() throws Exception {
        // roles are cluster-wide and other tests create them: a cluster of its own has none
        TestPostgres.Server fresh = TestPostgres.embedded(0);
        String url = fresh.url("postgres");
        try (Connection admin = DriverManager.getConnection(url, fresh.user(), fresh.password());
             Statement st = admin.createStatement()) {
            st.execute("CREATE ROLE plain_owner LOGIN PASSWORD 'plain-owner-pw'");
            st.execute("GRANT CREATE ON DATABASE postgres TO plain_owner");
        }
        try (Connection c = DriverManager.getConnection(url, "plain_owner", "plain-owner-pw")) {
            PmovesException e = assertThrows(PmovesException.class, () -> SupabasePreparation.prepare(c));
            assertTrue(e.getMessage().startsWith("Cannot create role anon") && e.getMessage().contains("CREATEROLE")
                    && e.getMessage().contains("supabaseCompat=off"), e.getMessage());
        }
        try (Connection admin = DriverManager.getConnection(url, fresh.user(), fresh.password());
             Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname IN ('auth', 'storage')")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "nothing of the preparation was kept");
        }
    }

    /** Roles are cluster-wide: drop them when no other test database still uses them, so "created" is observable. */
    private static void dropPlatformRolesIfUnused(Connection c) {
        for (String role : List.of("authenticator", "anon", "authenticated", "service_role", "supabase_admin",
                "supabase_auth_admin", "supabase_storage_admin", "dashboard_user", "supabase_functions_admin")) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP ROLE IF EXISTS " + role);
            } catch (SQLException stillUsed) {
                // another test database holds grants to it; "present" is then the right outcome there
            }
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** A table's columns as the catalog holds them: name, type, not null, default or generation expression. */
    static String columns(Statement st, String table) throws SQLException {
        return single(st, "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod)"
                + " || CASE WHEN attnotnull THEN ' not null' ELSE '' END"
                + " || coalesce(CASE attgenerated WHEN 's' THEN ' generated ' ELSE ' default ' END"
                + "    || pg_get_expr(adbin, adrelid), ''), ', ' ORDER BY attnum)"
                + " FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum"
                + " WHERE attrelid = '" + table + "'::regclass AND attnum > 0 AND NOT attisdropped");
    }

    static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static PreparedItem last(List<PreparedItem> items) {
        return items.get(items.size() - 1);
    }
}
