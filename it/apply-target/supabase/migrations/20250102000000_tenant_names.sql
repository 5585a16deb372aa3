ALTER TABLE public.tenants ADD COLUMN name text;
