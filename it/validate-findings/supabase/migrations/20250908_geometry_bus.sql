CREATE TABLE IF NOT EXISTS public.anchors (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
