-- Written for the Makefile's psql loop
INSERT INTO public.regions VALUES ('eu');
\i ../seed/regions.sql
