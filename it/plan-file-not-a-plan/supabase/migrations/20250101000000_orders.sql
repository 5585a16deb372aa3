CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL);
