INSERT INTO public.ran (file) VALUES ('20240101000000_midnight');
