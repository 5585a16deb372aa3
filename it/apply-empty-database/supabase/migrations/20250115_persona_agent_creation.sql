-- The Supabase CLI's order: version 20250115 sorts before 20250115000000, so this runs before the service
-- catalog and makes the schema it shares with it
CREATE SCHEMA IF NOT EXISTS pmoves_core;
CREATE TABLE IF NOT EXISTS pmoves_core.personas (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text);
CREATE OR REPLACE FUNCTION pmoves_core.persona_count() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT count(*) FROM pmoves_core.personas);
END;
$$;
