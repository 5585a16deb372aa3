CREATE SCHEMA IF NOT EXISTS pmoves_core;
CREATE TABLE IF NOT EXISTS pmoves_core.personas (
  name text PRIMARY KEY,
  temperature numeric(2, 1) NOT NULL CHECK (temperature BETWEEN 0 AND 1)
);
