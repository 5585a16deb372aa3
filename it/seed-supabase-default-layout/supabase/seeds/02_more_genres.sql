INSERT INTO public.genres VALUES (3, 'documentary');
