CREATE TABLE public.reviews (book_id int REFERENCES public.books, stars int);
