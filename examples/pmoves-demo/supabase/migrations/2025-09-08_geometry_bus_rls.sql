-- Same day as geometry_bus: runs right after it
ALTER TABLE public.anchors ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_own_anchors ON public.anchors;
CREATE POLICY read_own_anchors ON public.anchors FOR SELECT USING (owner = auth.uid());
GRANT SELECT ON public.anchors TO authenticated;
