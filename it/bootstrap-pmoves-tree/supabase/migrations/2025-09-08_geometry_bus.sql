CREATE TABLE IF NOT EXISTS public.anchors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid REFERENCES auth.users (id),
  label text NOT NULL
);
ALTER TABLE public.anchors ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_anchors_all ON public.anchors;
CREATE POLICY read_anchors_all ON public.anchors FOR SELECT USING (auth.uid() IS NOT NULL);
GRANT SELECT ON public.anchors TO anon, authenticated;
GRANT ALL ON public.anchors TO service_role;
ALTER PUBLICATION supabase_realtime ADD TABLE public.anchors;
