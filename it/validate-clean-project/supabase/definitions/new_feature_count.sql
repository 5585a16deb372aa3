-- Runs again whenever it changes: written so that it can
CREATE OR REPLACE FUNCTION public.new_feature_count() RETURNS bigint
  LANGUAGE sql STABLE AS $$ SELECT count(*) FROM public.new_feature $$;

GRANT EXECUTE ON FUNCTION public.new_feature_count() TO authenticated;
