CREATE TABLE public.invoices (id bigint PRIMARY KEY, order_id bigint REFERENCES public.orders);

-- Line 4 names a table that no migration creates
INSERT INTO public.invoice_lines (invoice_id) SELECT id FROM public.invoices;
