CREATE VIEW public.constellation_summary AS
  SELECT a.label, count(c.id) AS constellations
  FROM public.anchors a LEFT JOIN public.constellations c ON c.anchor_id = a.id
  GROUP BY a.label;
COMMENT ON VIEW public.constellation_summary IS 'One row per anchor label';
