CREATE TABLE public.orders (id bigint PRIMARY KEY, placed_at timestamptz NOT NULL DEFAULT now());
-- long enough for the other module's start, bootstrap or stop to run meanwhile
SELECT pg_sleep(2);
