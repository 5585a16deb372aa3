CREATE TABLE public.ran (n serial PRIMARY KEY, file text NOT NULL);
INSERT INTO public.ran (file) VALUES ('00000000000001_schema');
