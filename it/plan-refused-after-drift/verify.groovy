def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The planned migration did not run
assert db.column('SELECT version FROM supabase_migrations.schema_migrations ORDER BY version') == ['20250101000000']
assert !db.tableExists('public.invoices')

// The refusal names each hand change, as drift names it, and no history row
assert log.contains('no longer matches, so nothing ran and the database is unchanged')
assert log.contains('the schema changed since the plan (by hand, or by another tool)')
assert log.contains('changed column public.orders.total: default none → 0')
assert log.contains('added table public.scratch: ')
assert log.contains('removed grant table public.orders to PUBLIC: privileges SELECT → none')
assert !log.contains('history rows')
true
