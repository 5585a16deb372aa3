INSERT INTO public.hook_log (what) VALUES ('afterMigrate__1_grants');
