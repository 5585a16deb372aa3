CREATE TABLE public.things (id bigint PRIMARY KEY);
