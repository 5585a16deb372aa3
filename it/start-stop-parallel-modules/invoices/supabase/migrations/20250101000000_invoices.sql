CREATE TABLE public.invoices (id bigint PRIMARY KEY, total numeric(12, 2) NOT NULL);
-- long enough for the other module's start, bootstrap or stop to run meanwhile
SELECT pg_sleep(2);
