CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL);
GRANT SELECT ON public.orders TO PUBLIC;
