-- The service catalog, with its seed rows loaded the way pg_dump writes them
CREATE SCHEMA IF NOT EXISTS pmoves_core;
CREATE TABLE pmoves_core.service_catalog (
  name text PRIMARY KEY,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
COPY pmoves_core.service_catalog (name, note) FROM stdin;
agent-zero	a note; with a semicolon
archon	\N
\.
