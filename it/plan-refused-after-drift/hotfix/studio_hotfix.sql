ALTER TABLE public.orders ALTER COLUMN total SET DEFAULT 0;
REVOKE SELECT ON public.orders FROM PUBLIC;
CREATE TABLE public.scratch (note text);
