CREATE TABLE public.tenant_quotas (tenant_id bigint PRIMARY KEY REFERENCES public.tenants, seats int NOT NULL);
