CREATE TABLE public.regions (code text PRIMARY KEY);
