CREATE TABLE public.jobs (id bigserial PRIMARY KEY, name text NOT NULL);
SELECT pg_sleep(2);
