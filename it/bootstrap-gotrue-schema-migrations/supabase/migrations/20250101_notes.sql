CREATE TABLE IF NOT EXISTS public.notes (id bigserial PRIMARY KEY, body text);
