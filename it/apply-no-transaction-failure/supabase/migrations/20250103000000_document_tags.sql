CREATE TABLE public.document_tags (document_id bigint REFERENCES public.documents, tag text);
