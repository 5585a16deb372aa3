def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Each file ran once: one row per migration, and the non-idempotent insert added one greeting, not two
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") == ['20250101000000', '20250102000000']
assert db.value("SELECT count(*) FROM public.greetings") == 1

// The first build applied both files; the second found them in the history
assert log.count('Applied 2 migrations') == 1
assert log.contains('Nothing to apply: the database is up to date (2 already applied)')
assert log.indexOf('Applied 2 migrations') < log.indexOf('Nothing to apply')
true
