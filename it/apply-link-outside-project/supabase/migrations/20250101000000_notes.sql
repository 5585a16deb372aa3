CREATE TABLE public.notes (id int);
