INSERT INTO auth.users (id, email) VALUES ('6f1d7c9e-0b7a-4c55-9a37-2f6f3f7b9e11', 'dev@pmoves.ai') ON CONFLICT DO NOTHING;
INSERT INTO public.anchors (created_by, label) VALUES ('6f1d7c9e-0b7a-4c55-9a37-2f6f3f7b9e11', 'first anchor');
