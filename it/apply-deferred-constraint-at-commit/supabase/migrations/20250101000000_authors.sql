CREATE TABLE public.authors (id int PRIMARY KEY, name text NOT NULL);
