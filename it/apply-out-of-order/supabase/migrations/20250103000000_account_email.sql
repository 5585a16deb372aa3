ALTER TABLE public.accounts ADD COLUMN email text;
