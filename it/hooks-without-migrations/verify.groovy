def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// apply, seed, bootstrap: the hooks of each run, under the migration lock; afterEachMigrate had nothing to follow
assert db.column("SELECT what FROM public.hook_log ORDER BY n") == [
        'beforeMigrate (locked)', 'afterMigrate (locked)',
        'afterSeed (locked)',
        'beforeMigrate (locked)', 'afterMigrate (locked)', 'afterSeed (locked)']

// The log says why they ran; the history table is there, as after any migrate, and empty
assert log.count('No migration and no definition to run: the beforeMigrate and afterMigrate hooks run all the same.') == 2
assert log.contains('No seed files: nothing to seed; the afterSeed hooks run all the same.')
assert log.contains('[hook afterMigrate] supabase/hooks/afterMigrate.sql … ')
assert db.value("SELECT count(*) FROM supabase_migrations.schema_migrations") == 0
true
