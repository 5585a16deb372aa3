CREATE OR REPLACE VIEW public.balances AS SELECT id, balance FROM public.accounts;
