-- Written to survive a psql loop that re-runs it: IF NOT EXISTS
CREATE TABLE IF NOT EXISTS public.greetings (id bigserial PRIMARY KEY, text text NOT NULL);
