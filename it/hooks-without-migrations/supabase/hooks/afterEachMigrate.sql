-- follows each migration: with none, it never runs
INSERT INTO public.hook_log (what) VALUES ('afterEachMigrate');
