CREATE TABLE public.b (id int);
