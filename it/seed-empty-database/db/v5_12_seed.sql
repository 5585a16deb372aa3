-- v5.12 base seed: runs after v5_9 (natural order), though "v5_12" sorts before "v5_9" as text
INSERT INTO pmoves_core.personas (name, thread_type, temperature) VALUES
  ('Developer', 'chained', 0.3),
  ('Researcher', 'parallel', 0.7)
ON CONFLICT (name) DO NOTHING;
