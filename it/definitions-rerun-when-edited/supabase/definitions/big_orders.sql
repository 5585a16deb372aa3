CREATE OR REPLACE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 100;
INSERT INTO public.definition_runs (file) VALUES ('big_orders');
