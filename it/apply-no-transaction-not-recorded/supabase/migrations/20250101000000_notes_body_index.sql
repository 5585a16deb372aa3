CREATE INDEX CONCURRENTLY notes_body ON public.notes (body);
