CREATE SCHEMA IF NOT EXISTS extensions;
CREATE OR REPLACE FUNCTION extensions.hello() RETURNS text LANGUAGE sql AS $$ SELECT 'hi' $$;
ALTER DATABASE it_apply_fresh_session_per_file SET search_path = "$user", public, extensions;
