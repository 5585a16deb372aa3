-- Written on a branch in January, merged after 20250103000000 was applied
CREATE TABLE public.audit_log (id bigserial PRIMARY KEY, account_id bigint REFERENCES public.accounts, what text);
