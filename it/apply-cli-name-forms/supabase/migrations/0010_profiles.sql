INSERT INTO public.ran (file) VALUES ('0010_profiles');
