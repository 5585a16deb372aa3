-- PMOVES.AI Migration: geometry bus anchors
CREATE TABLE IF NOT EXISTS public.anchors (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  owner UUID REFERENCES auth.users (id),
  label TEXT NOT NULL,
  created_at TIMESTAMPTZ DEFAULT now()
);
ALTER PUBLICATION supabase_realtime ADD TABLE public.anchors;
