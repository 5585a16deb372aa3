-- Same day as geometry_bus: runs after it because the names tie-break
ALTER TABLE public.anchors ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_anchors ON public.anchors;
CREATE POLICY read_anchors ON public.anchors FOR SELECT USING (true);
