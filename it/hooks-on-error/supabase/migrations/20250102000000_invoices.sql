CREATE TABLE public.invoices (id int);
