def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def report = db.value("SELECT pid FROM pg_stat_activity WHERE application_name = 'nightly-report'")

// One try more after a second, said in one line
assert log.contains('[WARNING] 20250301000000_orders_note.sql:2 gave up waiting for AccessExclusiveLock on public.orders'
        + " behind pid ${report} after 300 ms; rolled back, try 2 of 2 in 1 s.")
// Then the failure names the file:line, the lock, and the session in its way with what it ran
assert log.contains('20250301000000_orders_note.sql:2:1: ERROR 55P03: canceling statement due to lock timeout')
assert log.contains('It waited for AccessExclusiveLock on public.orders behind:')
assert log =~ /pid ${report} \(nightly-report, user postgres, idle in transaction, transaction open for \d+ s\): SELECT count\(\*\) FROM public.orders/
assert log.contains('gave up waiting for a lock 2 times (migrationLockTimeout 300 ms, migrationLockRetries 1): none of it is applied, nothing is recorded, and it stays pending')

// Nothing recorded, not even as failed; the column is not there
assert db.column("SELECT version FROM supabase_migrations.schema_migrations") == []
assert db.value("SELECT count(*) FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attname = 'note'") == 0

db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'nightly-report'")
true
