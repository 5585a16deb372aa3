CREATE TABLE public.channels (id bigint PRIMARY KEY);
