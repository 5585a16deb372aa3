-- The API role the table is granted to; made here so that any fresh server the files run on has it
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drift_it_reader') THEN
    CREATE ROLE drift_it_reader NOLOGIN;
  END IF;
END $$;

CREATE TABLE public.notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body text NOT NULL,
  created_at timestamptz
);
GRANT SELECT, INSERT ON public.notes TO drift_it_reader;
