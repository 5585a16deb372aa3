CREATE TABLE public.anything (id bigint PRIMARY KEY);
