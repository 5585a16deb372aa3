
SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET client_min_messages = warning;


CREATE EXTENSION IF NOT EXISTS "pgsodium" WITH SCHEMA "pgsodium";


CREATE EXTENSION IF NOT EXISTS "pg_graphql" WITH SCHEMA "graphql";


COMMENT ON EXTENSION "pg_graphql" IS 'pg_graphql: GraphQL support';


CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA "extensions";


CREATE EXTENSION IF NOT EXISTS "pgjwt" WITH SCHEMA "extensions";


CREATE OR REPLACE FUNCTION "public"."unsubscribe_token"("email" "text") RETURNS "text"
    LANGUAGE "sql" STABLE
    SET "search_path" TO ''
    AS $$
  select extensions.sign(json_build_object('email', email, 'purpose', 'unsubscribe'), 'it-only-signing-key');
$$;


ALTER FUNCTION "public"."unsubscribe_token"("email" "text") OWNER TO "postgres";


GRANT USAGE ON SCHEMA "graphql_public" TO "anon";
GRANT ALL ON FUNCTION "graphql_public"."graphql"("operationName" "text", "query" "text", "variables" "jsonb", "extensions" "jsonb") TO "anon";
GRANT ALL ON FUNCTION "public"."unsubscribe_token"("email" "text") TO "service_role";


RESET ALL;
