-- Archon prompts; a dollar-quoted body may hold semicolons
CREATE SCHEMA IF NOT EXISTS pmoves_core;
CREATE TABLE IF NOT EXISTS pmoves_core.prompts (name text PRIMARY KEY, body text NOT NULL);

INSERT INTO pmoves_core.prompts VALUES ('archon.plan', $$Plan the work; then do it.$$)
ON CONFLICT (name) DO NOTHING;
