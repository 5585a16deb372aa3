CREATE TABLE IF NOT EXISTS public.profiles (id bigint PRIMARY KEY, name text NOT NULL);
