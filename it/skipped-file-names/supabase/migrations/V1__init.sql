CREATE TABLE public.gadgets (id bigint PRIMARY KEY);
