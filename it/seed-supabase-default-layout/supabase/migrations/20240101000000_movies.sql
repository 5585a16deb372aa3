CREATE TABLE public.genres (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.movies (
    id serial PRIMARY KEY,
    title text NOT NULL,
    genre_id int NOT NULL REFERENCES public.genres (id)
);
