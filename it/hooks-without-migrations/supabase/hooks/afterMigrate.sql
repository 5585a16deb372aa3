INSERT INTO public.hook_log (what) SELECT 'afterMigrate' || CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) THEN ' (locked)' ELSE '' END;
