CREATE VIEW public.pro_profiles AS SELECT id, handle FROM public.profiles WHERE plan = 'pro';
CREATE FUNCTION public.handle_of(p uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT handle FROM public.profiles WHERE id = p
$$;
