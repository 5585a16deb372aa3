def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }

// Run 1: the first statement took effect, the second failed; nothing after it ran. The failure is recorded in the
// plugin's own table: the Supabase CLI reads every row of its schema_migrations as applied
assert db.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'documents' AND column_name = 'body'") == 1
assert db.rows("SELECT version, state FROM supabase_migrations.schema_migrations ORDER BY version") ==
        [[version: '20250101000000', state: 'applied']]
assert db.column("SELECT version FROM supabase_migrations.schema_migrations_failed") == ['20250102000000']
assert !db.tableExists('public.document_tags')
assert errors[0].contains('20250102000000_documents_search.sql:3:') && errors[0].contains('42703')
assert log.contains('the 1 statement before this one took effect. It is recorded as failed in supabase_migrations.schema_migrations_failed')

// Run 2 refused, naming the repair command that clears the row
assert errors[1].contains('Migration 20250102000000_documents_search.sql (version 20250102000000) failed part-way in an earlier run')
assert errors[1].contains('(mvn pmoves:repair -Dpmoves.clearFailed=20250102000000)')
true
