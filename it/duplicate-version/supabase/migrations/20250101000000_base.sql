CREATE TABLE public.base (id bigint PRIMARY KEY);
