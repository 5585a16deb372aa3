-- The header of a pg_dump file
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.greetings (said text, search_path text, by text);
