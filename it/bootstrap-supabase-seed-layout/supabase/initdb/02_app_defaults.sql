INSERT INTO app.settings VALUES ('theme', 'dark') ON CONFLICT (key) DO NOTHING;
