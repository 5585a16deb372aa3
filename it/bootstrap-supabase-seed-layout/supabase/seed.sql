INSERT INTO public.profiles VALUES (1, 'Ada'), (2, 'Grace');
