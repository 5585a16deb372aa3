ALTER TABLE public.accounts ADD COLUMN email text;
COMMENT ON COLUMN public.accounts.email IS :'api_key';
