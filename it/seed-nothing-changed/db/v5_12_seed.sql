INSERT INTO public.seed_runs (file) VALUES ('v5_12_seed');
