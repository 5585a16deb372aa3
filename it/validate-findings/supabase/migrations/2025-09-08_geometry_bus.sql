-- Core tables; uuid_generate_v4() in this comment is not code
CREATE SCHEMA auth;
CREATE TABLE IF NOT EXISTS public.anchors (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  note text DEFAULT 'uuid_generate_v4() in a string is not code'
);
ALTER TABLE public.anchors ENABLE ROW LEVEL SECURITY;
