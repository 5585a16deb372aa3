-- Same day as geometry_bus: the name breaks the tie, so this runs after it
ALTER TABLE public.anchors ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.constellations ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_anchors ON public.anchors FOR SELECT TO public USING (true);
CREATE POLICY write_anchors ON public.anchors FOR INSERT TO public WITH CHECK (label <> '');
CREATE POLICY read_constellations ON public.constellations FOR SELECT USING (
  EXISTS (SELECT 1 FROM public.anchors a WHERE a.id = anchor_id)
);
