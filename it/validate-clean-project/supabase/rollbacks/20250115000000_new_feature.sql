DROP TABLE IF EXISTS public.new_feature CASCADE;
