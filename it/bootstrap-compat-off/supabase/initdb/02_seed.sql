CREATE TABLE IF NOT EXISTS pmoves_core.boards (id int PRIMARY KEY, title text);
-- written for Supabase:
INSERT INTO pmoves_core.boards VALUES (1, 'board of ' || auth.uid());
