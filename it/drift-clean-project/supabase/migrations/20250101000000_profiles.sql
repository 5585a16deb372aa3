CREATE TYPE public.plan AS ENUM ('free', 'pro');
CREATE TABLE public.profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  handle text UNIQUE NOT NULL,
  plan public.plan NOT NULL DEFAULT 'free'
);
ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_profiles ON public.profiles FOR SELECT USING (true);
