package ai.pmoves.engine.supabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
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
    void createsEveryPieceOnceThenFindsThemPresent() throws Exception {
        List<PreparedItem> first;
        List<PreparedItem> second;
        try (Connection c = db.connect()) {
            dropApiRolesIfUnused(c);
            first = SupabasePreparation.prepare(c);
            second = SupabasePreparation.prepare(c);
        }
        List<String> whats = first.stream().map(PreparedItem::what).toList();
        assertEquals(List.of("role anon", "role authenticated", "role service_role", "schema auth", "schema storage",
                "schema realtime", "schema extensions", "function auth.uid()", "function auth.role()",
                "function auth.email()", "function auth.jwt()", "table auth.users", "publication supabase_realtime",
                "usage on schema public for anon, authenticated, service_role"), whats);
        assertTrue(first.subList(3, 13).stream().allMatch(i -> i.outcome() == PreparedItem.Outcome.CREATED),
                first.toString());
        // PostgreSQL grants USAGE on public to PUBLIC: nothing to grant there
        assertEquals(PreparedItem.Outcome.PRESENT, first.get(13).outcome());
        assertTrue(second.stream().allMatch(i -> i.outcome() == PreparedItem.Outcome.PRESENT), second.toString());
        assertEquals(List.of("true|false|false", "true|false|false", "true|false|true"), query("SELECT (NOT rolcanlogin) || '|' || rolinherit || '|'"
                + " || rolbypassrls FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role')"
                + " ORDER BY rolname"));
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
            st.execute("CREATE ROLE plain_owner LOGIN");
            st.execute("GRANT CREATE ON DATABASE postgres TO plain_owner");
        }
        try (Connection c = DriverManager.getConnection(url, "plain_owner", "")) {
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
    private static void dropApiRolesIfUnused(Connection c) {
        for (String role : List.of("anon", "authenticated", "service_role")) {
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

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static PreparedItem last(List<PreparedItem> items) {
        return items.get(items.size() - 1);
    }
}
