-- pmoves:no-transaction
ALTER TABLE public.documents ADD COLUMN body text;
CREATE INDEX documents_body_idx ON public.documents USING gin (to_tsvector('english', bodyy));
