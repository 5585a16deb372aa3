-- Core tables of the geometry bus
CREATE TABLE public.anchors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE public.constellations (
  id bigserial PRIMARY KEY,
  anchor_id uuid NOT NULL REFERENCES public.anchors (id) ON DELETE CASCADE,
  spectrum double precision[] NOT NULL DEFAULT '{}',
  CONSTRAINT constellations_spectrum_small CHECK (cardinality(spectrum) <= 64)
);
CREATE INDEX constellations_anchor_id_idx ON public.constellations (anchor_id);
