DROP VIEW public.constellation_summary;
