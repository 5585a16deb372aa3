ALTER TABLE public.projects ADD COLUMN tags text[];
