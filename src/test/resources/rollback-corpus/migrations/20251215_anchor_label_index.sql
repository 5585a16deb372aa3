-- Cannot run in a transaction: the plugin runs it statement by statement
CREATE INDEX CONCURRENTLY anchors_label_idx ON public.anchors (lower(label));
