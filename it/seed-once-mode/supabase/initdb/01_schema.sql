-- A log of seed runs: each file below appends its name, so a file that ran twice shows twice
CREATE TABLE IF NOT EXISTS public.seed_runs (n serial PRIMARY KEY, file text NOT NULL);
INSERT INTO public.seed_runs (file) VALUES ('01_schema');
