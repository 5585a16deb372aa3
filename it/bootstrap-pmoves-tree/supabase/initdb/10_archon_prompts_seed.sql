CREATE TABLE IF NOT EXISTS pmoves_core.prompts (name text PRIMARY KEY, body text);
INSERT INTO pmoves_core.prompts VALUES ('greet', 'Hello; how can I help?') ON CONFLICT DO NOTHING;
