INSERT INTO public.ran (file) VALUES ('20240102_next_day');
