ALTER TABLE public.tenants ADD COLUMN plan text NOT NULL DEFAULT 'free';
