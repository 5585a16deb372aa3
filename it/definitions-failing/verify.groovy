def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error: file:line:column of the failing statement, SQLSTATE, message, and what became of the file
assert log.contains('supabase/definitions/02_policies.sql:3:')
assert log.contains('ERROR 42703: column "owner_id" does not exist')
assert log.contains('Definition supabase/definitions/02_policies.sql was rolled back: none of it is applied and it is'
        + ' not recorded')

// As before that file: its first statement undone, the migration and the definition before it kept, nothing after
assert db.value("SELECT relrowsecurity FROM pg_class WHERE oid = 'public.accounts'::regclass") == false
assert db.column("SELECT version FROM supabase_migrations.schema_migrations") == ['20250101000000']
assert db.column("SELECT path FROM supabase_migrations.definition_files") == ['supabase/definitions/01_balances.sql']
assert db.value("SELECT to_regclass('public.after_the_failure')") == null
assert !log.contains('03_after.sql')
true
