-- v5.9: the personas table the later seeds fill
CREATE TABLE IF NOT EXISTS pmoves_core.personas (
  name text PRIMARY KEY,
  thread_type text NOT NULL,
  temperature numeric(2, 1) NOT NULL
);
