DROP TABLE public.anchors;
SELECT no_such_function();
