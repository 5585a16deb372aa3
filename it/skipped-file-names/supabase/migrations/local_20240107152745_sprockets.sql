CREATE TABLE public.sprockets (id bigint PRIMARY KEY);
