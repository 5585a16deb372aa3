CREATE TABLE public.a (id int);
