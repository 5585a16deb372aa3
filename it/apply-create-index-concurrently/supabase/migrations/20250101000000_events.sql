CREATE TABLE public.events (id bigserial PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL DEFAULT now());
INSERT INTO public.events (kind) SELECT 'kind-' || (g % 10) FROM generate_series(1, 1000) g;
