CREATE TABLE public.b (id bigint PRIMARY KEY);
