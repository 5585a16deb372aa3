CREATE INDEX agents_name_idx ON public.agents (name);
