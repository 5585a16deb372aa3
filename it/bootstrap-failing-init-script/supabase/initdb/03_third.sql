CREATE TABLE public.third (id int);
