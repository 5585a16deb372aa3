-- Studio board demo
CREATE TABLE IF NOT EXISTS public.studio_board (
  id serial PRIMARY KEY,
  title text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'draft'
);

INSERT INTO public.studio_board (title, status) VALUES ('Welcome to PMOVES', 'published')
ON CONFLICT (title) DO NOTHING;
