CREATE TABLE IF NOT EXISTS public.hook_log (n serial, what text);
