CREATE OR REPLACE VIEW public.after_the_failure AS SELECT id FROM public.accounts;
