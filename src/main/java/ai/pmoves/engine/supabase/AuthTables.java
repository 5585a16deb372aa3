package ai.pmoves.engine.supabase;

import ai.pmoves.engine.supabase.SupabaseObjects.Piece;
import java.util.List;

/**
 * The rest of the Auth (GoTrue) service's tables that schema dumps and projects name, beside auth.users and
 * auth.identities: its migrations table, sessions and refresh tokens, MFA, SSO and SAML, the PKCE flow state and the
 * one-time tokens, with the enum types they use. Written for this plugin in the shape the Auth service's migrations
 * leave them today (final shapes, not the history): columns, keys, the foreign keys that cascade from auth.users,
 * the indexes, RLS on, and the service's table comments. Each is created only where missing. Left out: the OAuth
 * server and WebAuthn tables, and the foreign key from auth.sessions to the OAuth clients.
 */
final class AuthTables {
    private AuthTables() {
    }

    private static Piece type(String name, String sql) {
        return new Piece("type " + name, "SELECT to_regtype(?) IS NOT NULL", name, sql);
    }

    /** In the order they are created: a table comes after the tables and types it refers to. */
    static final List<Piece> ALL = List.of(
            type("auth.aal_level", "CREATE TYPE auth.aal_level AS ENUM ('aal1', 'aal2', 'aal3')"),
            type("auth.factor_type", "CREATE TYPE auth.factor_type AS ENUM ('totp', 'webauthn', 'phone')"),
            type("auth.factor_status", "CREATE TYPE auth.factor_status AS ENUM ('unverified', 'verified')"),
            type("auth.code_challenge_method", "CREATE TYPE auth.code_challenge_method AS ENUM ('s256', 'plain')"),
            type("auth.one_time_token_type", """
                    CREATE TYPE auth.one_time_token_type AS ENUM ('confirmation_token', 'reauthentication_token',
                      'recovery_token', 'email_change_token_new', 'email_change_token_current', 'phone_change_token')"""),
            // the Auth service's own record of its migrations; a dump revokes and grants on it
            Piece.table("auth.schema_migrations", """
                    CREATE TABLE auth.schema_migrations (
                      version varchar(255) NOT NULL,
                      CONSTRAINT schema_migrations_pkey PRIMARY KEY (version)
                    );
                    ALTER TABLE auth.schema_migrations ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.schema_migrations IS 'Auth: Manages updates to the auth system.'"""),
            Piece.table("auth.instances", """
                    CREATE TABLE auth.instances (
                      id uuid NOT NULL,
                      uuid uuid,
                      raw_base_config text,
                      created_at timestamptz,
                      updated_at timestamptz,
                      CONSTRAINT instances_pkey PRIMARY KEY (id)
                    );
                    ALTER TABLE auth.instances ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.instances IS 'Auth: Manages users across multiple sites.'"""),
            Piece.table("auth.audit_log_entries", """
                    CREATE TABLE auth.audit_log_entries (
                      instance_id uuid,
                      id uuid NOT NULL,
                      payload json,
                      created_at timestamptz,
                      ip_address varchar(64) NOT NULL DEFAULT '',
                      CONSTRAINT audit_log_entries_pkey PRIMARY KEY (id)
                    );
                    CREATE INDEX audit_logs_instance_id_idx ON auth.audit_log_entries (instance_id);
                    ALTER TABLE auth.audit_log_entries ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.audit_log_entries IS 'Auth: Audit trail for user actions.'"""),
            Piece.table("auth.sessions", """
                    CREATE TABLE auth.sessions (
                      id uuid NOT NULL,
                      user_id uuid NOT NULL,
                      created_at timestamptz,
                      updated_at timestamptz,
                      factor_id uuid,
                      aal auth.aal_level,
                      not_after timestamptz,
                      refreshed_at timestamp,
                      user_agent text,
                      ip inet,
                      tag text,
                      oauth_client_id uuid,
                      refresh_token_hmac_key text,
                      refresh_token_counter bigint,
                      scopes text,
                      CONSTRAINT sessions_pkey PRIMARY KEY (id),
                      CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE,
                      CONSTRAINT sessions_scopes_length CHECK (char_length(scopes) <= 4096)
                    );
                    CREATE INDEX sessions_not_after_idx ON auth.sessions (not_after DESC);
                    CREATE INDEX sessions_oauth_client_id_idx ON auth.sessions (oauth_client_id);
                    CREATE INDEX sessions_user_id_idx ON auth.sessions (user_id);
                    CREATE INDEX user_id_created_at_idx ON auth.sessions (user_id, created_at);
                    ALTER TABLE auth.sessions ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.sessions IS 'Auth: Stores session data associated to a user.'"""),
            Piece.table("auth.refresh_tokens", """
                    CREATE TABLE auth.refresh_tokens (
                      instance_id uuid,
                      id bigserial NOT NULL,
                      token varchar(255),
                      user_id varchar(255),
                      revoked boolean,
                      created_at timestamptz,
                      updated_at timestamptz,
                      parent varchar(255),
                      session_id uuid,
                      CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
                      CONSTRAINT refresh_tokens_token_unique UNIQUE (token),
                      CONSTRAINT refresh_tokens_session_id_fkey FOREIGN KEY (session_id)
                        REFERENCES auth.sessions (id) ON DELETE CASCADE
                    );
                    CREATE INDEX refresh_tokens_instance_id_idx ON auth.refresh_tokens (instance_id);
                    CREATE INDEX refresh_tokens_instance_id_user_id_idx ON auth.refresh_tokens (instance_id, user_id);
                    CREATE INDEX refresh_tokens_parent_idx ON auth.refresh_tokens (parent);
                    CREATE INDEX refresh_tokens_session_id_revoked_idx ON auth.refresh_tokens (session_id, revoked);
                    CREATE INDEX refresh_tokens_updated_at_idx ON auth.refresh_tokens (updated_at DESC);
                    ALTER TABLE auth.refresh_tokens ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.refresh_tokens IS
                      'Auth: Store of tokens used to refresh JWT tokens once they expire.'"""),
            Piece.table("auth.mfa_factors", """
                    CREATE TABLE auth.mfa_factors (
                      id uuid NOT NULL,
                      user_id uuid NOT NULL,
                      friendly_name text,
                      factor_type auth.factor_type NOT NULL,
                      status auth.factor_status NOT NULL,
                      created_at timestamptz NOT NULL,
                      updated_at timestamptz NOT NULL,
                      secret text,
                      phone text,
                      last_challenged_at timestamptz,
                      web_authn_credential jsonb,
                      web_authn_aaguid uuid,
                      last_webauthn_challenge_data jsonb,
                      CONSTRAINT mfa_factors_pkey PRIMARY KEY (id),
                      CONSTRAINT mfa_factors_last_challenged_at_key UNIQUE (last_challenged_at),
                      CONSTRAINT mfa_factors_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id)
                        ON DELETE CASCADE
                    );
                    CREATE INDEX factor_id_created_at_idx ON auth.mfa_factors (user_id, created_at);
                    CREATE UNIQUE INDEX mfa_factors_user_friendly_name_unique ON auth.mfa_factors (friendly_name, user_id)
                      WHERE trim(friendly_name) <> '';
                    CREATE INDEX mfa_factors_user_id_idx ON auth.mfa_factors (user_id);
                    CREATE UNIQUE INDEX unique_phone_factor_per_user ON auth.mfa_factors (user_id, phone);
                    ALTER TABLE auth.mfa_factors ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.mfa_factors IS 'auth: stores metadata about factors'"""),
            Piece.table("auth.mfa_challenges", """
                    CREATE TABLE auth.mfa_challenges (
                      id uuid NOT NULL,
                      factor_id uuid NOT NULL,
                      created_at timestamptz NOT NULL,
                      verified_at timestamptz,
                      ip_address inet NOT NULL,
                      otp_code text,
                      web_authn_session_data jsonb,
                      CONSTRAINT mfa_challenges_pkey PRIMARY KEY (id),
                      CONSTRAINT mfa_challenges_auth_factor_id_fkey FOREIGN KEY (factor_id)
                        REFERENCES auth.mfa_factors (id) ON DELETE CASCADE
                    );
                    CREATE INDEX mfa_challenge_created_at_idx ON auth.mfa_challenges (created_at DESC);
                    ALTER TABLE auth.mfa_challenges ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.mfa_challenges IS 'auth: stores metadata about challenge requests made'"""),
            Piece.table("auth.mfa_amr_claims", """
                    CREATE TABLE auth.mfa_amr_claims (
                      session_id uuid NOT NULL,
                      created_at timestamptz NOT NULL,
                      updated_at timestamptz NOT NULL,
                      authentication_method text NOT NULL,
                      id uuid NOT NULL,
                      CONSTRAINT amr_id_pk PRIMARY KEY (id),
                      CONSTRAINT mfa_amr_claims_session_id_authentication_method_pkey
                        UNIQUE (session_id, authentication_method),
                      CONSTRAINT mfa_amr_claims_session_id_fkey FOREIGN KEY (session_id) REFERENCES auth.sessions (id)
                        ON DELETE CASCADE
                    );
                    ALTER TABLE auth.mfa_amr_claims ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.mfa_amr_claims IS
                      'auth: stores authenticator method reference claims for multi factor authentication'"""),
            Piece.table("auth.sso_providers", """
                    CREATE TABLE auth.sso_providers (
                      id uuid NOT NULL,
                      resource_id text,
                      created_at timestamptz,
                      updated_at timestamptz,
                      disabled boolean,
                      CONSTRAINT sso_providers_pkey PRIMARY KEY (id),
                      CONSTRAINT "resource_id not empty" CHECK (resource_id = NULL OR char_length(resource_id) > 0)
                    );
                    CREATE UNIQUE INDEX sso_providers_resource_id_idx ON auth.sso_providers (lower(resource_id));
                    CREATE INDEX sso_providers_resource_id_pattern_idx ON auth.sso_providers (resource_id text_pattern_ops);
                    ALTER TABLE auth.sso_providers ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.sso_providers IS
                      'Auth: Manages SSO identity provider information; see saml_providers for SAML.'"""),
            Piece.table("auth.sso_domains", """
                    CREATE TABLE auth.sso_domains (
                      id uuid NOT NULL,
                      sso_provider_id uuid NOT NULL,
                      domain text NOT NULL,
                      created_at timestamptz,
                      updated_at timestamptz,
                      CONSTRAINT sso_domains_pkey PRIMARY KEY (id),
                      CONSTRAINT sso_domains_sso_provider_id_fkey FOREIGN KEY (sso_provider_id)
                        REFERENCES auth.sso_providers (id) ON DELETE CASCADE,
                      CONSTRAINT "domain not empty" CHECK (char_length(domain) > 0)
                    );
                    CREATE UNIQUE INDEX sso_domains_domain_idx ON auth.sso_domains (lower(domain));
                    CREATE INDEX sso_domains_sso_provider_id_idx ON auth.sso_domains (sso_provider_id);
                    ALTER TABLE auth.sso_domains ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.sso_domains IS
                      'Auth: Manages SSO email address domain mapping to an SSO Identity Provider.'"""),
            Piece.table("auth.saml_providers", """
                    CREATE TABLE auth.saml_providers (
                      id uuid NOT NULL,
                      sso_provider_id uuid NOT NULL,
                      entity_id text NOT NULL,
                      metadata_xml text NOT NULL,
                      metadata_url text,
                      attribute_mapping jsonb,
                      created_at timestamptz,
                      updated_at timestamptz,
                      name_id_format text,
                      CONSTRAINT saml_providers_pkey PRIMARY KEY (id),
                      CONSTRAINT saml_providers_entity_id_key UNIQUE (entity_id),
                      CONSTRAINT saml_providers_sso_provider_id_fkey FOREIGN KEY (sso_provider_id)
                        REFERENCES auth.sso_providers (id) ON DELETE CASCADE,
                      CONSTRAINT "entity_id not empty" CHECK (char_length(entity_id) > 0),
                      CONSTRAINT "metadata_url not empty" CHECK (metadata_url = NULL OR char_length(metadata_url) > 0),
                      CONSTRAINT "metadata_xml not empty" CHECK (char_length(metadata_xml) > 0)
                    );
                    CREATE INDEX saml_providers_sso_provider_id_idx ON auth.saml_providers (sso_provider_id);
                    ALTER TABLE auth.saml_providers ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.saml_providers IS 'Auth: Manages SAML Identity Provider connections.'"""),
            Piece.table("auth.flow_state", """
                    CREATE TABLE auth.flow_state (
                      id uuid NOT NULL,
                      user_id uuid,
                      auth_code text,
                      code_challenge_method auth.code_challenge_method,
                      code_challenge text,
                      provider_type text NOT NULL,
                      provider_access_token text,
                      provider_refresh_token text,
                      created_at timestamptz,
                      updated_at timestamptz,
                      authentication_method text NOT NULL,
                      auth_code_issued_at timestamptz,
                      invite_token text,
                      referrer text,
                      oauth_client_state_id uuid,
                      linking_target_id uuid,
                      email_optional boolean NOT NULL DEFAULT false,
                      CONSTRAINT flow_state_pkey PRIMARY KEY (id)
                    );
                    CREATE INDEX flow_state_created_at_idx ON auth.flow_state (created_at DESC);
                    CREATE INDEX idx_auth_code ON auth.flow_state (auth_code);
                    CREATE INDEX idx_user_id_auth_method ON auth.flow_state (user_id, authentication_method);
                    ALTER TABLE auth.flow_state ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.flow_state IS 'Stores metadata for all OAuth/SSO login flows'"""),
            Piece.table("auth.saml_relay_states", """
                    CREATE TABLE auth.saml_relay_states (
                      id uuid NOT NULL,
                      sso_provider_id uuid NOT NULL,
                      request_id text NOT NULL,
                      for_email text,
                      redirect_to text,
                      created_at timestamptz,
                      updated_at timestamptz,
                      flow_state_id uuid,
                      CONSTRAINT saml_relay_states_pkey PRIMARY KEY (id),
                      CONSTRAINT saml_relay_states_sso_provider_id_fkey FOREIGN KEY (sso_provider_id)
                        REFERENCES auth.sso_providers (id) ON DELETE CASCADE,
                      CONSTRAINT saml_relay_states_flow_state_id_fkey FOREIGN KEY (flow_state_id)
                        REFERENCES auth.flow_state (id) ON DELETE CASCADE,
                      CONSTRAINT "request_id not empty" CHECK (char_length(request_id) > 0)
                    );
                    CREATE INDEX saml_relay_states_created_at_idx ON auth.saml_relay_states (created_at DESC);
                    CREATE INDEX saml_relay_states_for_email_idx ON auth.saml_relay_states (for_email);
                    CREATE INDEX saml_relay_states_sso_provider_id_idx ON auth.saml_relay_states (sso_provider_id);
                    ALTER TABLE auth.saml_relay_states ENABLE ROW LEVEL SECURITY;
                    COMMENT ON TABLE auth.saml_relay_states IS
                      'Auth: Contains SAML Relay State information for each Service Provider initiated login.'"""),
            Piece.table("auth.one_time_tokens", """
                    CREATE TABLE auth.one_time_tokens (
                      id uuid NOT NULL,
                      user_id uuid NOT NULL,
                      token_type auth.one_time_token_type NOT NULL,
                      token_hash text NOT NULL,
                      relates_to text NOT NULL,
                      created_at timestamp NOT NULL DEFAULT now(),
                      updated_at timestamp NOT NULL DEFAULT now(),
                      CONSTRAINT one_time_tokens_pkey PRIMARY KEY (id),
                      CONSTRAINT one_time_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id)
                        ON DELETE CASCADE,
                      CONSTRAINT one_time_tokens_token_hash_check CHECK (char_length(token_hash) > 0)
                    );
                    CREATE INDEX one_time_tokens_relates_to_hash_idx ON auth.one_time_tokens USING hash (relates_to);
                    CREATE INDEX one_time_tokens_token_hash_hash_idx ON auth.one_time_tokens USING hash (token_hash);
                    CREATE UNIQUE INDEX one_time_tokens_user_id_token_type_key
                      ON auth.one_time_tokens (user_id, token_type);
                    ALTER TABLE auth.one_time_tokens ENABLE ROW LEVEL SECURITY"""));
}
