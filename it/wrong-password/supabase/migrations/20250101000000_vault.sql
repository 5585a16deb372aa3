CREATE TABLE public.vault (id bigint PRIMARY KEY);
