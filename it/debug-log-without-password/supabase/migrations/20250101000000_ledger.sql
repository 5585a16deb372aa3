CREATE TABLE public.ledger (id bigint PRIMARY KEY);
