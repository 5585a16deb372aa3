DROP FUNCTION pmoves_core.persona_count();
DROP TABLE pmoves_core.personas;
DROP TYPE pmoves_core.persona_kind;
