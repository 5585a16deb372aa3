def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
assert log.contains('supabase/initdb/02_second.sql:3:') && log.contains('22012')
assert db.tableExists('public.first')
assert !db.tableExists('public.second')
assert !db.tableExists('public.third')
assert !db.tableExists('public.from_migration')
assert db.column("SELECT path FROM supabase_migrations.seed_files") == ['supabase/initdb/01_first.sql']
true
