INSERT INTO public.seed_runs (file) VALUES ('v5_14_seed_standard_personas');
