GRANT SELECT ON public.account_names TO PUBLIC;
