def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Every init script ran, though seedIncludes names neither: the includes choose seeds only
assert db.value("SELECT value FROM app.settings WHERE key = 'theme'") == 'dark'
// The seed ran once (a second run would fail on the primary key); the other file in supabase/ is no seed
assert db.value("SELECT count(*) FROM public.profiles") == 2
assert !db.tableExists('public.should_not_exist')
assert db.column("SELECT path FROM supabase_migrations.seed_files") as Set ==
        ['supabase/initdb/01_app_schema.sql', 'supabase/initdb/02_app_defaults.sql', 'supabase/seed.sql'] as Set

// No warning that the pattern matches nothing: it matched the seed
assert !log.contains('matches no')
true
