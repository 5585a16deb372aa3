CREATE SCHEMA IF NOT EXISTS pmoves_core;
CREATE TABLE pmoves_core.service_catalog (name text PRIMARY KEY, note text);
INSERT INTO pmoves_core.service_catalog VALUES ('agent-zero', 'inserted once, by the migration');
