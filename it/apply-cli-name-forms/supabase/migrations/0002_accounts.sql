INSERT INTO public.ran (file) VALUES ('0002_accounts');
