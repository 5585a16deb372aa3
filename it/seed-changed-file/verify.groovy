import ai.pmoves.engine.migration.Checksum

def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Only the edited file ran again
assert db.column("SELECT file FROM public.seed_runs ORDER BY n") ==
        ['01_schema', 'v5_12_seed', 'v5_14_seed_standard_personas', 'v5_12_seed, edited']
assert log.contains('[2/3] db/v5_12_seed.sql … ran again (changed), ')
assert log.contains('Seeded 1 file (2 unchanged)')

// Its row has the hash of the edited file
def edited = Checksum.ofFile(new File(basedir, 'db/v5_12_seed.sql').toPath())
assert db.value("SELECT hash FROM supabase_migrations.seed_files WHERE path = 'db/v5_12_seed.sql'") == edited
true
