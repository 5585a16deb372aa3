// Realtime's (Ecto's) migration table, as a Supabase database has it
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
db.execute("CREATE TABLE public.schema_migrations (version bigint PRIMARY KEY, inserted_at timestamp(0))")
db.execute("INSERT INTO public.schema_migrations VALUES (20210706140551, '2024-05-01 10:00:00')")
true
