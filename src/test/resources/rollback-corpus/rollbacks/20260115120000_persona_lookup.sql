DROP INDEX pmoves_core.personas_name_idx;
DROP FUNCTION pmoves_core.persona_by_name(text);
