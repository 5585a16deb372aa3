-- v5.14 standard personas
INSERT INTO pmoves_core.personas (name, thread_type, temperature) VALUES
  ('Writer', 'fusion', 0.8),
  ('Analyst', 'big', 0.2),
  ('Designer', 'chained', 0.4),
  ('Manager', 'fusion', 0.5)
ON CONFLICT (name) DO NOTHING;
