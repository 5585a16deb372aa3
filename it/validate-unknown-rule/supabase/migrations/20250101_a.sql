CREATE TABLE IF NOT EXISTS a (id uuid DEFAULT uuid_generate_v4());
