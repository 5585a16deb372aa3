package ai.pmoves.engine.supabase;

import java.util.List;

/**
 * The SQL of the objects a Supabase database has and a plain PostgreSQL lacks, in the shape Supabase's postgres image
 * and its Auth (GoTrue) and Storage services create them, so that scripts written for Supabase run unchanged in CI
 * (guide: "Role Does Not Exist"). Written for this plugin from the published schemas; each is created only where it is
 * missing.
 */
final class SupabaseObjects {
    private SupabaseObjects() {
    }

    /**
     * A role and its attributes. The platform roles are NOLOGIN here: the services that log in as them on Supabase do
     * not run in CI, and a role without a password is no door into the server.
     */
    record Role(String name, String options) {
    }

    /** The API roles (service_role bypasses RLS as on Supabase), then the platform's own. */
    static final List<Role> ROLES = List.of(
            new Role("anon", "NOLOGIN NOINHERIT"),
            new Role("authenticated", "NOLOGIN NOINHERIT"),
            new Role("service_role", "NOLOGIN NOINHERIT BYPASSRLS"),
            new Role("supabase_admin", "NOLOGIN CREATEDB CREATEROLE BYPASSRLS"),
            new Role("supabase_auth_admin", "NOLOGIN NOINHERIT"),
            new Role("supabase_storage_admin", "NOLOGIN NOINHERIT"),
            new Role("authenticator", "NOLOGIN NOINHERIT"),
            new Role("dashboard_user", "NOLOGIN CREATEDB CREATEROLE"),
            // owns the database webhooks; pg_net's grants name it
            new Role("supabase_functions_admin", "NOLOGIN NOINHERIT"),
            // Supabase's owner role, which migrations grant to; a server set up under another name lacks it
            new Role("postgres", "NOLOGIN"));

    /** PostgREST logs in as authenticator and switches to these. */
    static final List<String> AUTHENTICATOR_MEMBERS = List.of("anon", "authenticated", "service_role");

    static final List<String> SCHEMAS = List.of("auth", "storage", "realtime", "extensions");

    /** The extensions a Supabase database has in {@code extensions} from the start. */
    static final List<String> EXTENSIONS = List.of("pgcrypto", "uuid-ossp");

    /**
     * The schemas on which Supabase's init scripts grant the API roles USAGE; no other schema gets it, so a schema a
     * project creates is reachable only through the project's own grant, as on Supabase.
     */
    static final List<String> API_SCHEMAS = List.of("public", "extensions", "auth", "storage");

    /**
     * The schemas where Supabase's init scripts give the API roles every privilege on what is created later (ALTER
     * DEFAULT PRIVILEGES on tables, functions and sequences): row level security, not a grant, guards those tables.
     */
    static final List<String> DEFAULT_PRIVILEGE_SCHEMAS = List.of("public", "storage");

    /** Supabase's database search_path, so extension functions and types resolve unqualified. */
    static final String SEARCH_PATH = "\"$user\", public, extensions";

    /** A function, a table or a type: its name, how to find it, and the SQL that creates it. */
    record Piece(String what, String lookup, String name, String sql) {
        static Piece function(String signature, String sql) {
            return new Piece("function " + signature, "SELECT to_regprocedure(?) IS NOT NULL", signature, sql);
        }

        static Piece table(String name, String sql) {
            return new Piece("table " + name, "SELECT to_regclass(?) IS NOT NULL", name, sql);
        }
    }

    /**
     * Supabase Auth's helpers: they read the JWT claims PostgREST puts in {@code request.jwt.claims}, falling back to
     * the older per-claim settings {@code request.jwt.claim.*}.
     */
    static final List<Piece> AUTH_FUNCTIONS = List.of(
            Piece.function("auth.uid()", """
                    CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
                      SELECT coalesce(
                        nullif(current_setting('request.jwt.claim.sub', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
                      )::uuid
                    $$"""),
            Piece.function("auth.role()", """
                    CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
                      SELECT coalesce(
                        nullif(current_setting('request.jwt.claim.role', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
                      )::text
                    $$"""),
            Piece.function("auth.email()", """
                    CREATE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE AS $$
                      SELECT coalesce(
                        nullif(current_setting('request.jwt.claim.email', true), ''),
                        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
                      )::text
                    $$"""),
            Piece.function("auth.jwt()", """
                    CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
                      SELECT coalesce(
                        nullif(current_setting('request.jwt.claim', true), ''),
                        nullif(current_setting('request.jwt.claims', true), '')
                      )::jsonb
                    $$"""));

    /**
     * auth.users and auth.identities as GoTrue's migrations leave them today: every column seeds write (tokens
     * default to '' as GoTrue expects, confirmed_at generated), the partial unique index on email and the token
     * indexes, RLS on.
     */
    static final List<Piece> AUTH_TABLES = List.of(
            Piece.table("auth.users", """
                    CREATE TABLE auth.users (
                      instance_id uuid,
                      id uuid NOT NULL,
                      aud varchar(255),
                      role varchar(255),
                      email varchar(255),
                      encrypted_password varchar(255),
                      email_confirmed_at timestamptz,
                      invited_at timestamptz,
                      confirmation_token varchar(255),
                      confirmation_sent_at timestamptz,
                      recovery_token varchar(255),
                      recovery_sent_at timestamptz,
                      email_change_token_new varchar(255),
                      email_change varchar(255),
                      email_change_sent_at timestamptz,
                      last_sign_in_at timestamptz,
                      raw_app_meta_data jsonb,
                      raw_user_meta_data jsonb,
                      is_super_admin boolean,
                      created_at timestamptz,
                      updated_at timestamptz,
                      phone text,
                      phone_confirmed_at timestamptz,
                      phone_change text DEFAULT '',
                      phone_change_token varchar(255) DEFAULT '',
                      phone_change_sent_at timestamptz,
                      confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
                      email_change_token_current varchar(255) DEFAULT '',
                      email_change_confirm_status smallint DEFAULT 0
                        CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2),
                      banned_until timestamptz,
                      reauthentication_token varchar(255) DEFAULT '',
                      reauthentication_sent_at timestamptz,
                      is_sso_user boolean NOT NULL DEFAULT false,
                      deleted_at timestamptz,
                      is_anonymous boolean NOT NULL DEFAULT false,
                      CONSTRAINT users_pkey PRIMARY KEY (id),
                      CONSTRAINT users_phone_key UNIQUE (phone)
                    );
                    CREATE UNIQUE INDEX users_email_partial_key ON auth.users (email) WHERE (is_sso_user = false);
                    CREATE INDEX users_instance_id_idx ON auth.users (instance_id);
                    CREATE INDEX users_instance_id_email_idx ON auth.users (instance_id, lower(email));
                    CREATE INDEX users_is_anonymous_idx ON auth.users (is_anonymous);
                    CREATE UNIQUE INDEX confirmation_token_idx ON auth.users (confirmation_token)
                      WHERE confirmation_token !~ '^[0-9 ]*$';
                    CREATE UNIQUE INDEX recovery_token_idx ON auth.users (recovery_token)
                      WHERE recovery_token !~ '^[0-9 ]*$';
                    CREATE UNIQUE INDEX email_change_token_current_idx ON auth.users (email_change_token_current)
                      WHERE email_change_token_current !~ '^[0-9 ]*$';
                    CREATE UNIQUE INDEX email_change_token_new_idx ON auth.users (email_change_token_new)
                      WHERE email_change_token_new !~ '^[0-9 ]*$';
                    CREATE UNIQUE INDEX reauthentication_token_idx ON auth.users (reauthentication_token)
                      WHERE reauthentication_token !~ '^[0-9 ]*$';
                    ALTER TABLE auth.users ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.users IS 'Auth: Stores user login data within a secure schema.'"""),
            Piece.table("auth.identities", """
                    CREATE TABLE auth.identities (
                      provider_id text NOT NULL,
                      user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
                      identity_data jsonb NOT NULL,
                      provider text NOT NULL,
                      last_sign_in_at timestamptz,
                      created_at timestamptz,
                      updated_at timestamptz,
                      email text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
                      id uuid NOT NULL DEFAULT gen_random_uuid(),
                      CONSTRAINT identities_pkey PRIMARY KEY (id),
                      CONSTRAINT identities_provider_id_provider_unique UNIQUE (provider_id, provider)
                    );
                    CREATE INDEX identities_user_id_idx ON auth.identities (user_id);
                    CREATE INDEX identities_email_idx ON auth.identities (email text_pattern_ops);
                    ALTER TABLE auth.identities ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.identities IS 'Auth: Stores identities associated to a user.'"""));

    /**
     * storage.buckets and storage.objects as the Storage service's migrations leave them today (owner deprecated for
     * owner_id, path_tokens generated, bucket types, versioning columns), with RLS on and the API roles' grants.
     */
    static final List<Piece> STORAGE_TABLES = List.of(
            Piece.table("storage.buckets", """
                    DO $$ BEGIN
                      IF to_regtype('storage.buckettype') IS NULL THEN
                        CREATE TYPE storage.buckettype AS ENUM ('STANDARD', 'ANALYTICS', 'VECTOR');
                      END IF;
                    END $$;
                    CREATE TABLE storage.buckets (
                      id text NOT NULL,
                      name text NOT NULL,
                      owner uuid,
                      created_at timestamptz DEFAULT now(),
                      updated_at timestamptz DEFAULT now(),
                      public boolean DEFAULT false,
                      avif_autodetection boolean DEFAULT false,
                      file_size_limit bigint,
                      allowed_mime_types text[],
                      owner_id text,
                      type storage.buckettype NOT NULL DEFAULT 'STANDARD',
                      versioning_status text NOT NULL DEFAULT 'DISABLED'
                        CONSTRAINT buckets_versioning_status_check
                        CHECK (versioning_status IN ('DISABLED', 'ENABLED', 'SUSPENDED')),
                      CONSTRAINT buckets_pkey PRIMARY KEY (id)
                    );
                    CREATE UNIQUE INDEX bname ON storage.buckets (name);
                    COMMENT ON COLUMN storage.buckets.owner IS 'Field is deprecated, use owner_id instead';
                    ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
                    GRANT ALL ON storage.buckets TO anon, authenticated, service_role"""),
            Piece.table("storage.objects", """
                    CREATE TABLE storage.objects (
                      id uuid NOT NULL DEFAULT gen_random_uuid(),
                      bucket_id text,
                      name text,
                      owner uuid,
                      created_at timestamptz DEFAULT now(),
                      updated_at timestamptz DEFAULT now(),
                      last_accessed_at timestamptz DEFAULT now(),
                      metadata jsonb,
                      path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
                      version text,
                      owner_id text,
                      user_metadata jsonb,
                      archived_at timestamptz,
                      is_delete_marker boolean NOT NULL DEFAULT false,
                      is_versioned boolean NOT NULL DEFAULT false,
                      CONSTRAINT objects_pkey PRIMARY KEY (id),
                      CONSTRAINT "objects_bucketId_fkey" FOREIGN KEY (bucket_id) REFERENCES storage.buckets (id)
                    );
                    CREATE UNIQUE INDEX bucketid_objname ON storage.objects (bucket_id, name);
                    CREATE INDEX name_prefix_search ON storage.objects (name text_pattern_ops);
                    COMMENT ON COLUMN storage.objects.owner IS 'Field is deprecated, use owner_id instead';
                    ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
                    GRANT ALL ON storage.objects TO anon, authenticated, service_role"""));

    /** The path helpers storage policies call, e.g. {@code (storage.foldername(name))[1] = auth.uid()::text}. */
    static final List<Piece> STORAGE_FUNCTIONS = List.of(
            Piece.function("storage.foldername(text)", """
                    CREATE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
                    DECLARE
                      _parts text[];
                    BEGIN
                      SELECT string_to_array(name, '/') INTO _parts;
                      RETURN _parts[1 : array_length(_parts, 1) - 1];
                    END
                    $$"""),
            Piece.function("storage.filename(text)", """
                    CREATE FUNCTION storage.filename(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
                    DECLARE
                      _parts text[];
                    BEGIN
                      SELECT string_to_array(name, '/') INTO _parts;
                      RETURN _parts[array_length(_parts, 1)];
                    END
                    $$"""),
            Piece.function("storage.extension(text)", """
                    CREATE FUNCTION storage.extension(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
                    DECLARE
                      _parts text[];
                      _filename text;
                    BEGIN
                      SELECT string_to_array(name, '/') INTO _parts;
                      SELECT _parts[array_length(_parts, 1)] INTO _filename;
                      RETURN reverse(split_part(reverse(_filename), '.', 1));
                    END
                    $$"""));

    static final String PUBLICATION = "supabase_realtime";
}
