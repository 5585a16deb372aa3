CREATE TABLE public.agents (id bigint PRIMARY KEY, name text NOT NULL);
