-- Same order key as 20250115000000_service_catalog.sql: runs after it, and needs its schema
CREATE TABLE IF NOT EXISTS pmoves_core.personas (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text);
CREATE OR REPLACE FUNCTION pmoves_core.persona_count() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT count(*) FROM pmoves_core.personas);
END;
$$;
