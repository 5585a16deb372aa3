CREATE SCHEMA IF NOT EXISTS pmoves_core;
CREATE TABLE IF NOT EXISTS pmoves_core.service_catalog (
  slug text PRIMARY KEY,
  display_name text NOT NULL,
  port integer
);
