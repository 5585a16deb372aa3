CREATE TABLE public.refunds (id bigint PRIMARY KEY);
