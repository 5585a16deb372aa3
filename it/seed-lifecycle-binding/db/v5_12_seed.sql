-- Needs the table of migration 20250115000000_service_catalog.sql
INSERT INTO pmoves_core.service_catalog VALUES
  ('agent-zero', 'Agent Zero', 8080),
  ('archon', 'Archon', 8181),
  ('hi-rag', 'Hi-RAG Gateway', 8086)
ON CONFLICT (slug) DO NOTHING;
