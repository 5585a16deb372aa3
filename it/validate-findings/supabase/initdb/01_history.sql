CREATE TABLE IF NOT EXISTS public.schema_migrations (version bigint PRIMARY KEY, inserted_at timestamptz);
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
