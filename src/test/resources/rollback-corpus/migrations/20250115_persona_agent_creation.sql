-- A day after the service catalog (20250114000000): runs after it, in its schema
CREATE TYPE pmoves_core.persona_kind AS ENUM ('agent', 'human', 'system');
CREATE TABLE pmoves_core.personas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind pmoves_core.persona_kind NOT NULL DEFAULT 'agent'
);
CREATE OR REPLACE FUNCTION pmoves_core.persona_count() RETURNS bigint LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT count(*) FROM pmoves_core.personas);
END;
$$;
