INSERT INTO public.ran (file) VALUES ('0001_init');
