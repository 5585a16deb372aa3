-- A SQL-standard function body: BEGIN ATOMIC ... END holds semicolons of its own
CREATE FUNCTION pmoves_core.persona_by_name(p_name text) RETURNS SETOF pmoves_core.personas
  LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT * FROM pmoves_core.personas WHERE name = p_name;
END;
CREATE INDEX personas_name_idx ON pmoves_core.personas (name) WHERE kind <> 'system';
