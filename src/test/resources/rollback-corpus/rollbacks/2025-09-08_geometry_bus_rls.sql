DROP POLICY read_constellations ON public.constellations;
DROP POLICY write_anchors ON public.anchors;
DROP POLICY read_anchors ON public.anchors;
ALTER TABLE public.constellations DISABLE ROW LEVEL SECURITY;
ALTER TABLE public.anchors DISABLE ROW LEVEL SECURITY;
