CREATE TABLE IF NOT EXISTS public.orders (id bigint PRIMARY KEY, total numeric(10, 2) NOT NULL);
CREATE INDEX IF NOT EXISTS orders_total ON public.orders (total);
