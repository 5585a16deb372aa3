CREATE TABLE public.from_migration (id int);
