CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES public.customers);
