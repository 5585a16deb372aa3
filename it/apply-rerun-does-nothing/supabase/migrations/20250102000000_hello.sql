-- Not idempotent: every run of this file adds a row
INSERT INTO public.greetings (text) VALUES ('hello');
