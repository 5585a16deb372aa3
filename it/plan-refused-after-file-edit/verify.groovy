def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Nothing ran: no history schema, no table
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.orders')

// The refusal names the edited file, says nothing ran, and how to go on
assert log.contains('no longer matches, so nothing ran and the database is unchanged')
assert log =~ /migration supabase\/migrations\/20250102000000_orders_index\.sql was edited since the plan \(checksum [0-9a-f]{12} then, [0-9a-f]{12} now\)/
assert !log.contains('20250101000000_orders.sql was edited')
assert log.contains('Make a new plan (mvn pmoves:plan), review it, and apply that one.')
true
