INSERT INTO pmoves_core.service_catalog (name) VALUES ('agent-zero'), ('archon') ON CONFLICT DO NOTHING;
