-- Orders get a note column
ALTER TABLE public.orders ADD COLUMN note text;
