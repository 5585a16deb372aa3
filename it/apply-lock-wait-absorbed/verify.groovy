def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The first try gave up behind the report, the second applied it
assert log.count('gave up waiting for AccessExclusiveLock on public.orders') == 1
assert log.contains('rolled back, try 2 of 4 in 1 s.')
assert log.contains('[1/1] 20250301000000_orders_note.sql')
assert log.contains('BUILD SUCCESS')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations") == ['20250301000000']
assert db.value("SELECT count(*) FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attname = 'note'") == 1
true
