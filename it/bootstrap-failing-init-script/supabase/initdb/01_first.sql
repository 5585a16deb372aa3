CREATE TABLE public.first (id int);
