INSERT INTO public.ran (file) VALUES ('2024-01-01_dashed');
