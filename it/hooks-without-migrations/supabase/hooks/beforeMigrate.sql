-- the log's own table: a hook may well create what it needs
CREATE TABLE IF NOT EXISTS public.hook_log (n serial, what text);
INSERT INTO public.hook_log (what) SELECT 'beforeMigrate' || CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) THEN ' (locked)' ELSE '' END;
