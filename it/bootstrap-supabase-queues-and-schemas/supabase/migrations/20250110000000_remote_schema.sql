-- The top of a `supabase db dump` of the project, as `supabase db pull` wrote it

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET client_min_messages = warning;

CREATE EXTENSION IF NOT EXISTS "pgmq" WITH SCHEMA "pgmq";

CREATE EXTENSION IF NOT EXISTS "pg_jsonschema" WITH SCHEMA "extensions";

COMMENT ON EXTENSION "pg_jsonschema" IS 'pg_jsonschema: Validate json schema';

CREATE EXTENSION IF NOT EXISTS "pgcrypto" WITH SCHEMA "extensions";

GRANT ALL ON TABLE "auth"."schema_migrations" TO "dashboard_user";
GRANT SELECT ON TABLE "auth"."schema_migrations" TO "postgres" WITH GRANT OPTION;
GRANT ALL ON TABLE "auth"."sessions" TO "dashboard_user";
GRANT ALL ON TABLE "auth"."mfa_factors" TO "dashboard_user";

RESET ALL;
