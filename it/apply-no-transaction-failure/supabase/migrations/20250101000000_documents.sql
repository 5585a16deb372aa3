CREATE TABLE public.documents (id bigserial PRIMARY KEY, title text NOT NULL);
