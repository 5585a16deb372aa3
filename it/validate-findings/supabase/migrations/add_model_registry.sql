CREATE TABLE IF NOT EXISTS pmoves_core.models (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
