INSERT INTO public.notes VALUES (1, 'first');
