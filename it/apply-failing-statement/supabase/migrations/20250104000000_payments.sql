CREATE TABLE public.payments (id bigint PRIMARY KEY);
