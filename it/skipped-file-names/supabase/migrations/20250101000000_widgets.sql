CREATE TABLE public.widgets (id bigint PRIMARY KEY);
