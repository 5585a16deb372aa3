def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Every migration ran exactly once: one row each, and the objects exist
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") ==
        ['20250101000000', '20250102000000', '20250103000000']
assert db.tableExists('public.jobs') && db.tableExists('public.job_runs')

// One build applied everything, the other then found nothing to do; neither failed
assert log.count('Applied 3 migrations') == 1
assert log.count('Nothing to apply: the database is up to date (3 already applied)') == 1
assert log.contains('BUILD SUCCESS') && !log.contains('BUILD FAILURE')

// It really was concurrent: both applies started before the first finished, and while the last migration ran the
// other build was waiting for the migration lock
def finished = log.indexOf('Applied 3 migrations')
assert log.indexOf('apply (default) @ deploy-eu ---') < finished && log.indexOf('apply (default) @ deploy-us ---') < finished
assert db.value("SELECT waiting FROM public.lock_witness") == 1
true
