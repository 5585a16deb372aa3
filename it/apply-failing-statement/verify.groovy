def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Files 1-2 are applied and recorded; nothing of file 3 (its table was rolled back with it), nothing of 4-5
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") == ['20250101000000', '20250102000000']
assert db.tableExists('public.customers') && db.tableExists('public.orders')
assert !db.tableExists('public.invoices')
assert !db.tableExists('public.payments') && !db.tableExists('public.refunds')

// The log points at file:line of the failing statement, with the SQLSTATE and the server's message
assert log.contains('20250103000000_invoices.sql:4:')
assert log.contains('42P01: relation "public.invoice_lines" does not exist')
// ... and ends with what to do, without the driver's raw message appended
assert log.readLines().find { it.startsWith('[ERROR] Migration 20250103000000_invoices.sql was rolled back') }
        .endsWith('Fix the file and run again.')
assert !log.contains('20250104000000_payments.sql …')
true
