CREATE TABLE IF NOT EXISTS pmoves_core.service_catalog (name text PRIMARY KEY, active boolean DEFAULT true);
GRANT SELECT ON pmoves_core.service_catalog TO anon, authenticated;
