def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
assert log.contains('supabase/initdb/02_seed.sql:3:')
assert log =~ /ERROR (3F000|42883): (schema "auth" does not exist|function auth.uid\(\) does not exist)/
// nothing was prepared; the init script before it stays, the failing one was rolled back
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'auth'") == 0
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'pmoves_core'") == 1
assert !db.tableExists('pmoves_core.boards')
assert db.column("SELECT path FROM supabase_migrations.seed_files") == ['supabase/initdb/01_schema.sql']
true
