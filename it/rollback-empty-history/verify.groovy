def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

assert log.contains('Nothing to roll back: no migration is recorded in supabase_migrations.schema_migrations.')
assert log.contains('BUILD SUCCESS')
assert !db.tableExists('supabase_migrations.schema_migrations')
true
