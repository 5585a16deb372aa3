CREATE OR REPLACE VIEW public.note_count AS SELECT count(*) AS n FROM public.notes;
