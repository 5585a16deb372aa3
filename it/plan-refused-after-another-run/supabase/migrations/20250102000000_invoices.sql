CREATE TABLE public.invoices (id bigint PRIMARY KEY, order_id bigint REFERENCES public.orders);
