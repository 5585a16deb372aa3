package ai.pmoves.engine.supabase;

import java.util.List;

/**
 * The SQL of the objects a Supabase database has and a plain PostgreSQL lacks, as Supabase defines them, so that
 * scripts written for Supabase run unchanged in CI (DESIGN §6; guide: "Role Does Not Exist").
 */
final class SupabaseObjects {
    private SupabaseObjects() {
    }

    record Role(String name, String options) {
    }

    /** The API roles; service_role bypasses RLS as on Supabase. */
    static final List<Role> ROLES = List.of(
            new Role("anon", "NOLOGIN NOINHERIT"),
            new Role("authenticated", "NOLOGIN NOINHERIT"),
            new Role("service_role", "NOLOGIN NOINHERIT BYPASSRLS"));

    static final List<String> SCHEMAS = List.of("auth", "storage", "realtime", "extensions");

    record Function(String signature, String sql) {
    }

    /**
     * Supabase Auth's helpers: they read the JWT claims PostgREST puts in {@code request.jwt.claims}, falling back to
     * the older per-claim settings {@code request.jwt.claim.*}.
     */
    static final List<Function> AUTH_FUNCTIONS = List.of(
            new Function("auth.uid()", """
                    CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
                      SELECT coalesce(
                        nullif(current_setting('request.jwt.claim.sub', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
                      )::uuid
                    $$"""),
            new Function("auth.role()", """
                    CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
                      SELECT coalesce(
                        nullif(current_setting('request.jwt.claim.role', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
                      )::text
                    $$"""),
            new Function("auth.email()", """
                    CREATE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE AS $$
                      SELECT coalesce(
                        nullif(current_setting('request.jwt.claim.email', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
                      )::text
                    $$"""),
            new Function("auth.jwt()", """
                    CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
                      SELECT coalesce(
                        nullif(current_setting('request.jwt.claim', true), ''),
                        nullif(current_setting('request.jwt.claims', true), '')
                      )::jsonb
                    $$"""));

    /** A minimal auth.users with the columns scripts usually reference. */
    static final String AUTH_USERS = """
            CREATE TABLE IF NOT EXISTS auth.users (
              instance_id uuid,
              id uuid PRIMARY KEY,
              aud varchar(255),
              role varchar(255),
              email varchar(255) UNIQUE,
              encrypted_password varchar(255),
              email_confirmed_at timestamptz,
              phone text UNIQUE,
              raw_app_meta_data jsonb,
              raw_user_meta_data jsonb,
              is_anonymous boolean NOT NULL DEFAULT false,
              created_at timestamptz DEFAULT now(),
              updated_at timestamptz DEFAULT now()
            )""";

    static final String PUBLICATION = "supabase_realtime";
}
