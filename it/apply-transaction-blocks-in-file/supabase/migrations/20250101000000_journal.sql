DO $$ BEGIN CREATE ROLE authenticated NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TYPE mood AS ENUM ('ok');
CREATE TABLE public.journal (entry text, written_by text DEFAULT current_user, feeling mood);
GRANT INSERT ON public.journal TO authenticated;
CREATE TABLE public.audit (note text);
