-- Init script: the schema the migrations build on (runs before them, once)
CREATE SCHEMA IF NOT EXISTS pmoves_core;
