INSERT INTO public.ran (file) VALUES ('20240101_day');
