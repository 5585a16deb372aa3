CREATE OR REPLACE FUNCTION public.order_total(order_id bigint) RETURNS numeric
LANGUAGE sql STABLE AS $$ SELECT total FROM public.orders WHERE id = order_id $$;
INSERT INTO public.definition_runs (file) VALUES ('order_total');
