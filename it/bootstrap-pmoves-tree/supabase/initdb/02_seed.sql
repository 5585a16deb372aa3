-- Studio board demo: needs the pmoves_core schema and auth.uid()
CREATE SCHEMA IF NOT EXISTS pmoves_core;
CREATE TABLE IF NOT EXISTS pmoves_core.boards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner uuid DEFAULT auth.uid(),
  title text NOT NULL
);
INSERT INTO pmoves_core.boards (title) VALUES ('demo board');
