package ai.pmoves.engine.supabase;

import ai.pmoves.engine.supabase.StandIns.StandIn;

/**
 * The three extensions that every schema dump of a Supabase project names ({@code supabase db dump} and {@code db pull}
 * write them at the top of {@code …_remote_schema.sql}) and that a plain PostgreSQL does not have. pgjwt is plain SQL
 * over pgcrypto, so pmoves provides it whole: written here after pgjwt's published interface, its tokens are real.
 * pg_graphql and pgsodium are stood in: their schemas (and pgsodium's roles) so that the dump's grants and comments
 * run, and a GraphQL call that answers with an error saying why.
 */
final class SchemaDumpStandIns {
    private SchemaDumpStandIns() {
    }

    static final StandIn PGJWT = new StandIn("pgjwt in schema extensions, by pmoves (for pgjwt)", "pgjwt",
            "extensions.sign(json,text,text)", "pgcrypto", "pmoves' own pgjwt, whose sign and verify really sign and"
            + " check HS256, HS384 and HS512 tokens with pgcrypto", "sign, verify, algorithm_sign, url_encode,"
            + " url_decode and try_cast_double work as pgjwt's do: tokens are really signed and checked (HS256, HS384,"
            + " HS512) with pgcrypto's hmac", """
            CREATE FUNCTION extensions.url_encode(data bytea) RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT translate(encode(data, 'base64'), E'+/=\\n', '-_')
            $$;
            CREATE FUNCTION extensions.url_decode(data text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
              SELECT decode(rpad(translate(data, '-_', '+/'), (length(data) + 3) / 4 * 4, '='), 'base64')
            $$;
            CREATE FUNCTION extensions.algorithm_sign(signables text, secret text, algorithm text) RETURNS text
              LANGUAGE plpgsql IMMUTABLE AS $$
            DECLARE
              hash text := CASE algorithm WHEN 'HS256' THEN 'sha256' WHEN 'HS384' THEN 'sha384'
                WHEN 'HS512' THEN 'sha512' END;
            BEGIN
              IF hash IS NULL THEN
                RAISE EXCEPTION 'algorithm % is not supported: pgjwt signs with HS256, HS384 or HS512', algorithm
                  USING ERRCODE = 'invalid_parameter_value';
              END IF;
              RETURN extensions.url_encode(@requires@.hmac(signables, secret, hash));
            END
            $$;
            CREATE FUNCTION extensions.sign(payload json, secret text, algorithm text DEFAULT 'HS256') RETURNS text
              LANGUAGE sql IMMUTABLE AS $$
              SELECT s.signables || '.' || extensions.algorithm_sign(s.signables, secret, algorithm)
              FROM (SELECT extensions.url_encode(convert_to('{"alg":"' || algorithm || '","typ":"JWT"}', 'utf8'))
                      || '.' || extensions.url_encode(convert_to(payload::text, 'utf8')) AS signables) s
            $$;
            CREATE FUNCTION extensions.try_cast_double(inp text) RETURNS double precision
              LANGUAGE plpgsql IMMUTABLE AS $$
            BEGIN
              RETURN inp::double precision;
            EXCEPTION WHEN OTHERS THEN
              RETURN NULL;
            END
            $$;
            CREATE FUNCTION extensions.verify(token text, secret text, algorithm text DEFAULT 'HS256')
              RETURNS TABLE (header json, payload json, valid boolean) LANGUAGE sql STABLE AS $$
              SELECT t.head, t.body, t.signed AND tstzrange(
                  to_timestamp(extensions.try_cast_double(t.body ->> 'nbf')),
                  to_timestamp(extensions.try_cast_double(t.body ->> 'exp'))) @> current_timestamp
              FROM (SELECT convert_from(extensions.url_decode(part[1]), 'utf8')::json AS head,
                           convert_from(extensions.url_decode(part[2]), 'utf8')::json AS body,
                           part[3] = extensions.algorithm_sign(part[1] || '.' || part[2], secret, algorithm) AS signed
                    FROM string_to_array(token, '.') AS part) t
            $$;
            """);

    /** What every GraphQL call answers: documented, so a project can recognise it. */
    static final String GRAPHQL_NOT_RESOLVED = "not resolved: pmoves stand-in for pg_graphql";

    static final StandIn GRAPHQL = new StandIn("stand-in graphql (for pg_graphql)", "pg_graphql",
            "graphql.resolve(text,jsonb,text,jsonb)", null, "a stand-in for pg_graphql whose graphql.resolve and"
            + " graphql_public.graphql answer every query with an error saying so", "the schemas graphql and"
            + " graphql_public take grants and comments; graphql.resolve and graphql_public.graphql answer every query"
            + " with an error '" + GRAPHQL_NOT_RESOLVED + "', and no GraphQL schema is built", """
            CREATE SCHEMA IF NOT EXISTS graphql;
            CREATE SCHEMA IF NOT EXISTS graphql_public;
            GRANT USAGE ON SCHEMA graphql, graphql_public TO anon, authenticated, service_role;
            CREATE FUNCTION graphql.resolve(query text, variables jsonb DEFAULT '{}', "operationName" text DEFAULT NULL,
                extensions jsonb DEFAULT NULL) RETURNS jsonb LANGUAGE sql STABLE AS $$
              SELECT jsonb_build_object('data', NULL, 'errors',
                jsonb_build_array(jsonb_build_object('message', '%1$s')))
            $$;
            CREATE FUNCTION graphql_public.graphql("operationName" text DEFAULT NULL, query text DEFAULT NULL,
                variables jsonb DEFAULT NULL, extensions jsonb DEFAULT NULL) RETURNS jsonb LANGUAGE sql AS $$
              SELECT graphql.resolve(query, coalesce(variables, '{}'), "operationName", extensions)
            $$;
            GRANT ALL ON FUNCTION graphql.resolve(text, jsonb, text, jsonb),
              graphql_public.graphql(text, text, jsonb, jsonb) TO anon, authenticated, service_role;
            COMMENT ON SCHEMA graphql IS 'pmoves stand-in for pg_graphql: every query answers with an error';
            """.formatted(GRAPHQL_NOT_RESOLVED));

    /** pgsodium's roles, each a member of the next, made only by a user who may create roles. */
    static final StandIn PGSODIUM = new StandIn("stand-in pgsodium (for pgsodium)", "pgsodium", "pgsodium", null,
            "a stand-in for pgsodium that is only its schema and roles, with no function", "the schema pgsodium and"
            + " the roles pgsodium_keyiduser, pgsodium_keyholder, pgsodium_keymaker take grants and comments; there is"
            + " no function, no key and no encryption", """
            DO $$
            DECLARE
              previous text;
              role text;
            BEGIN
              IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                RETURN;
              END IF;
              FOREACH role IN ARRAY ARRAY['pgsodium_keyiduser', 'pgsodium_keyholder', 'pgsodium_keymaker'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role) THEN
                  EXECUTE format('CREATE ROLE %I NOLOGIN', role);
                  IF previous IS NOT NULL THEN
                    EXECUTE format('GRANT %I TO %I', previous, role);
                  END IF;
                END IF;
                previous := role;
              END LOOP;
            END
            $$;
            CREATE SCHEMA IF NOT EXISTS pgsodium;
            COMMENT ON SCHEMA pgsodium IS 'pmoves stand-in for pgsodium: no function, no key, no encryption';
            """);
}
