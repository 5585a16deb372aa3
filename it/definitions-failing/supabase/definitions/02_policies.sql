ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;
-- the view below names a column the table does not have
CREATE OR REPLACE VIEW public.owners AS SELECT id, owner_id FROM public.accounts;
