CREATE TABLE public.hook_log (n serial, what text);
