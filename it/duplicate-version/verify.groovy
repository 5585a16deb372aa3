def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error names the version and both files, and the fix
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains("Two migrations have the same version 20250115: '20250115_a.sql' and '20250115_b.sql'")
assert error.contains('give one of them a later timestamp')

// Nothing ran; no history table
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.base') && !db.tableExists('public.a') && !db.tableExists('public.b')
true
