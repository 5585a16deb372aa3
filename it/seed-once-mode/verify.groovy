import ai.pmoves.engine.migration.Checksum

def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Nothing ran again
assert db.column("SELECT file FROM public.seed_runs ORDER BY n") == ['01_schema', 'v5_12_seed', 'v5_14_seed_standard_personas']

// The edit is reported, as a warning
assert log.contains('[WARNING] [2/3] db/v5_12_seed.sql … changed since it ran, not run again (seedMode=once)')
assert log.contains('Nothing to seed: 2 unchanged, 1 changed but not run again (seedMode=once).')

// The row still has the hash of the version that ran
def edited = Checksum.ofFile(new File(basedir, 'db/v5_12_seed.sql').toPath())
assert db.value("SELECT hash FROM supabase_migrations.seed_files WHERE path = 'db/v5_12_seed.sql'") != edited
true
