CREATE TABLE public.profiles (id uuid PRIMARY KEY, handle text UNIQUE);
