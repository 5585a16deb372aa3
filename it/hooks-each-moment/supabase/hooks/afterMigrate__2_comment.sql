INSERT INTO public.hook_log (what) VALUES ('afterMigrate__2_comment');
