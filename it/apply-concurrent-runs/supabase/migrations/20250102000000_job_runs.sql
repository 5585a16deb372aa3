CREATE TABLE public.job_runs (id bigserial PRIMARY KEY, job_id bigint REFERENCES public.jobs);
SELECT pg_sleep(2);
