def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error names the file and the accepted forms, and says what to do
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains("Migration file name 'V1__init.sql' fits none of the accepted forms")
assert error.contains('YYYYMMDDhhmmss_description.sql') && error.contains('YYYYMMDD_description.sql')
assert error.contains('YYYY-MM-DD_description.sql') && error.contains('Rename it')

// Nothing ran, not even the valid file; no history table
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.widgets') && !db.tableExists('public.gadgets')
true
