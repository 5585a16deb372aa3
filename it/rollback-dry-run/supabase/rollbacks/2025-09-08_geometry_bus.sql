DROP TABLE public.anchors;
