CREATE TABLE IF NOT EXISTS public.hook_log (n serial, what text);
INSERT INTO public.hook_log (what) VALUES ('onError');
