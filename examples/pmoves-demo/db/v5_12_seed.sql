INSERT INTO auth.users (id, email) VALUES
  ('6f1d7c9e-0b7a-4c55-9a37-2f6f3f7b9e11', 'ada@pmoves.ai'),
  ('0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b', 'alan@pmoves.ai');
INSERT INTO public.anchors (owner, label) VALUES
  ('6f1d7c9e-0b7a-4c55-9a37-2f6f3f7b9e11', 'ada''s anchor'),
  ('0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b', 'alan''s anchor');
