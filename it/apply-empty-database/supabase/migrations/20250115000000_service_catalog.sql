CREATE SCHEMA IF NOT EXISTS pmoves_core;
CREATE TABLE IF NOT EXISTS pmoves_core.service_catalog (name text PRIMARY KEY, note text);
INSERT INTO pmoves_core.service_catalog VALUES ('agent-zero', 'a note; with a semicolon');
