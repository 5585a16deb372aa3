CREATE TABLE public.second (id int);
INSERT INTO public.second VALUES (1);
INSERT INTO public.second VALUES (1 / 0);
