CREATE OR REPLACE VIEW public.account_names AS SELECT id, name FROM public.accounts;
