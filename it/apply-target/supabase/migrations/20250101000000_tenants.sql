CREATE TABLE public.tenants (id bigint PRIMARY KEY);
