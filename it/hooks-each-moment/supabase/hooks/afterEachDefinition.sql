INSERT INTO public.hook_log (what) VALUES ('afterEachDefinition');
