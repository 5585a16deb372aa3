def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Only the other run's migration is there: the plan ran nothing
assert db.column('SELECT version FROM supabase_migrations.schema_migrations ORDER BY version') == ['20250101000000']
assert !db.tableExists('public.invoices')

// The refusal names the row the other run added
assert log.contains('no longer matches, so nothing ran and the database is unchanged')
assert log.contains('history rows added since the plan (another run, or a repair), in supabase_migrations.schema_migrations: 20250101000000 (applied)')
true
