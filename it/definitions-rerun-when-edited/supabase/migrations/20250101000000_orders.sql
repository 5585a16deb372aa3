CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric NOT NULL);
-- every run of a definition leaves a line here, so the test sees which ran
CREATE TABLE public.definition_runs (n serial, file text);
