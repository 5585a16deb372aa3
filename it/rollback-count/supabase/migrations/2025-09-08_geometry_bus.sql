CREATE TABLE public.anchors (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), label text NOT NULL);
