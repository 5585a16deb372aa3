INSERT INTO public.counters (name) VALUES ('visits');
