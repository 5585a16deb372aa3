INSERT INTO public.genres VALUES (1, 'drama'), (2, 'comedy');
