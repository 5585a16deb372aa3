-- needs the genres of seeds/: config.toml lists seeds/*.sql first
INSERT INTO public.movies (title, genre_id) VALUES ('A quiet film', 1), ('A loud one', 2), ('The making of', 3);
