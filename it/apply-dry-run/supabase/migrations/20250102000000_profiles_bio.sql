ALTER TABLE public.profiles ADD COLUMN bio text;
COMMENT ON COLUMN public.profiles.bio IS 'free text; shown on the profile page';
