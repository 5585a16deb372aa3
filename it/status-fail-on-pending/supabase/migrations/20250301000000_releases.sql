CREATE TABLE public.releases (tag text PRIMARY KEY);
