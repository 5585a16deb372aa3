CREATE TABLE public.accounts (id bigint PRIMARY KEY);
