def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Each file ran once, in the first build
assert db.column("SELECT file FROM public.seed_runs ORDER BY n") == ['01_schema', 'v5_12_seed', 'v5_14_seed_standard_personas']

// The second build ran nothing, and said so for each file
assert log.contains('Seeded 3 files (0 unchanged)')
assert log.contains('[1/3] supabase/initdb/01_schema.sql … unchanged')
assert log.contains('[3/3] db/v5_14_seed_standard_personas.sql … unchanged')
assert log.contains('Nothing to seed: 3 unchanged.')
true
