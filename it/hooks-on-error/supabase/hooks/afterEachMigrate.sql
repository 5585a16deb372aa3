INSERT INTO public.hook_log (what) VALUES ('afterEachMigrate');
SELECT 1 FROM public.invoices_view;
