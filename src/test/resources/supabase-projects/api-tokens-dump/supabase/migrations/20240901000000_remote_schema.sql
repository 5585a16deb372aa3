
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;


CREATE EXTENSION IF NOT EXISTS "pgsodium" WITH SCHEMA "pgsodium";


COMMENT ON EXTENSION "pgsodium" IS 'Pgsodium is a modern cryptography library for Postgres.';


COMMENT ON SCHEMA "public" IS 'standard public schema';


CREATE EXTENSION IF NOT EXISTS "pg_graphql" WITH SCHEMA "graphql";


COMMENT ON EXTENSION "pg_graphql" IS 'pg_graphql: GraphQL support';


CREATE EXTENSION IF NOT EXISTS "pg_stat_statements" WITH SCHEMA "extensions";


CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA "extensions";


CREATE EXTENSION IF NOT EXISTS "pgjwt" WITH SCHEMA "extensions";


COMMENT ON EXTENSION "pgjwt" IS 'JSON Web Token API for Postgresql';


CREATE EXTENSION IF NOT EXISTS "supabase_vault" WITH SCHEMA "vault";


CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA "extensions";


CREATE OR REPLACE FUNCTION "public"."issue_client_token"("client" "uuid") RETURNS "text"
    LANGUAGE "plpgsql" SECURITY DEFINER
    SET "search_path" TO ''
    AS $$
declare
  signing_key text;
begin
  select decrypted_secret into signing_key from vault.decrypted_secrets where name = 'client_token_key';
  if signing_key is null then
    raise exception 'client_token_key is not in the vault';
  end if;
  return extensions.sign(
    json_build_object('sub', client, 'role', 'service_client', 'iat', extract(epoch from now())::bigint,
                      'exp', extract(epoch from now() + interval '30 days')::bigint),
    signing_key);
end;
$$;


ALTER FUNCTION "public"."issue_client_token"("client" "uuid") OWNER TO "postgres";


CREATE OR REPLACE FUNCTION "public"."client_of_token"("token" "text") RETURNS "uuid"
    LANGUAGE "sql" STABLE SECURITY DEFINER
    SET "search_path" TO ''
    AS $$
  select (v.payload ->> 'sub')::uuid
  from extensions.verify(token, (select decrypted_secret from vault.decrypted_secrets
                                 where name = 'client_token_key')) v
  where v.valid;
$$;


ALTER FUNCTION "public"."client_of_token"("token" "text") OWNER TO "postgres";

SET default_tablespace = '';

SET default_table_access_method = "heap";


CREATE TABLE IF NOT EXISTS "public"."api_clients" (
    "id" "uuid" DEFAULT "extensions"."uuid_generate_v4"() NOT NULL,
    "name" "text" NOT NULL,
    "token" "text",
    "created_at" timestamp with time zone DEFAULT "now"() NOT NULL
);


ALTER TABLE "public"."api_clients" OWNER TO "postgres";


ALTER TABLE ONLY "public"."api_clients"
    ADD CONSTRAINT "api_clients_pkey" PRIMARY KEY ("id");


ALTER TABLE "public"."api_clients" ENABLE ROW LEVEL SECURITY;


CREATE POLICY "Service role manages clients" ON "public"."api_clients" TO "service_role" USING (true);


GRANT USAGE ON SCHEMA "public" TO "postgres";
GRANT USAGE ON SCHEMA "public" TO "anon";
GRANT USAGE ON SCHEMA "public" TO "authenticated";
GRANT USAGE ON SCHEMA "public" TO "service_role";


GRANT USAGE ON SCHEMA "graphql_public" TO "postgres";
GRANT USAGE ON SCHEMA "graphql_public" TO "anon";
GRANT USAGE ON SCHEMA "graphql_public" TO "authenticated";
GRANT USAGE ON SCHEMA "graphql_public" TO "service_role";


GRANT ALL ON FUNCTION "graphql_public"."graphql"("operationName" "text", "query" "text", "variables" "jsonb", "extensions" "jsonb") TO "postgres";
GRANT ALL ON FUNCTION "graphql_public"."graphql"("operationName" "text", "query" "text", "variables" "jsonb", "extensions" "jsonb") TO "anon";
GRANT ALL ON FUNCTION "graphql_public"."graphql"("operationName" "text", "query" "text", "variables" "jsonb", "extensions" "jsonb") TO "authenticated";
GRANT ALL ON FUNCTION "graphql_public"."graphql"("operationName" "text", "query" "text", "variables" "jsonb", "extensions" "jsonb") TO "service_role";


GRANT ALL ON FUNCTION "extensions"."sign"("payload" "json", "secret" "text", "algorithm" "text") TO "service_role";
GRANT ALL ON FUNCTION "extensions"."verify"("token" "text", "secret" "text", "algorithm" "text") TO "service_role";


REVOKE ALL ON FUNCTION "public"."issue_client_token"("client" "uuid") FROM PUBLIC;
GRANT ALL ON FUNCTION "public"."issue_client_token"("client" "uuid") TO "service_role";


GRANT ALL ON FUNCTION "public"."client_of_token"("token" "text") TO "anon";
GRANT ALL ON FUNCTION "public"."client_of_token"("token" "text") TO "authenticated";
GRANT ALL ON FUNCTION "public"."client_of_token"("token" "text") TO "service_role";


GRANT ALL ON TABLE "public"."api_clients" TO "service_role";


ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public" GRANT ALL ON SEQUENCES  TO "service_role";
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public" GRANT ALL ON FUNCTIONS  TO "service_role";
ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public" GRANT ALL ON TABLES  TO "service_role";


RESET ALL;
