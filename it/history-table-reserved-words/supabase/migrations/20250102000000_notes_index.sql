-- runs outside a transaction, its row written after it
CREATE INDEX CONCURRENTLY notes_body ON public.notes (body);
