INSERT INTO public.ran (file) VALUES ('20251340_typo');
