CREATE EXTENSION IF NOT EXISTS pg_cron;
CREATE TABLE public.sessions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, expires_at timestamptz NOT NULL);
SELECT cron.schedule('expire-sessions', '0 3 * * *', $$DELETE FROM public.sessions WHERE expires_at < now()$$);
