DROP INDEX CONCURRENTLY public.anchors_label_idx;
