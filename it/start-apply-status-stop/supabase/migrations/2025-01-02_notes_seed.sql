INSERT INTO public.notes (body) VALUES ('hello; from an embedded PostgreSQL');
