def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The seeds config.toml lists ran once each (a second run would fail on a primary key), in its order
assert db.value("SELECT count(*) FROM public.genres") == 3
assert db.column("SELECT title FROM public.movies ORDER BY id") == ['A quiet film', 'A loud one', 'The making of']
assert !db.tableExists('public.should_not_exist')
// Recorded by their paths from the project, as the Supabase CLI records them
assert db.column("SELECT path FROM supabase_migrations.seed_files ORDER BY applied_at, path") ==
        ['supabase/seeds/01_genres.sql', 'supabase/seeds/02_more_genres.sql', 'supabase/seed.sql']

assert log.contains('[1/3] supabase/seeds/01_genres.sql … ran')
assert log.contains('[3/3] supabase/seed.sql … ran')
assert log.contains('[3/3] supabase/seed.sql … unchanged')
assert !log.contains('No seed files') && !log.contains('matches no')
true
