def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The hook's own place in the error, and the migration it followed rolled back with it
assert log.contains('hook supabase/hooks/afterEachMigrate.sql:2:15: ERROR 42P01: relation "public.invoices_view" does not exist')
assert log.contains('The migration was rolled back.')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations") == []
assert db.value("SELECT to_regclass('public.invoices')") == null

// onError ran after the failure, in its own transaction: its row is the only one
assert log.contains('[hook onError] supabase/hooks/onError__notify.sql … ')
assert db.column("SELECT what FROM public.hook_log") == ['onError']
true
