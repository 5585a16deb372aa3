DROP TABLE public.constellations;
DROP TABLE public.anchors;
