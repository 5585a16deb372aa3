-- books may arrive before their author within one file: the key is checked at the commit
CREATE TABLE public.books (
    id int PRIMARY KEY,
    author_id int NOT NULL REFERENCES public.authors DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO public.books VALUES (1, 42);
-- the author 42 was meant to follow here
