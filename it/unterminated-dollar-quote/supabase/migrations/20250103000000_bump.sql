-- The closing $$ was lost in a merge
CREATE FUNCTION public.bump(counter text) RETURNS bigint LANGUAGE sql AS $$
  UPDATE public.counters SET value = value + 1 WHERE name = counter RETURNING value;
