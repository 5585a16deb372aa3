CREATE TABLE public.notes (id bigint PRIMARY KEY, body text NOT NULL);
