CREATE TABLE public.accounts (id bigint PRIMARY KEY, owner uuid, balance numeric NOT NULL DEFAULT 0);
