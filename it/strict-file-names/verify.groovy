def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error names the file, the accepted forms and the way out
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('supabase/migrations/V1__init.sql is in the migrations directory, and its name fits none of the accepted forms')
assert error.contains('YYYYMMDDhhmmss_description.sql') && error.contains('YYYY-MM-DD_description.sql')
assert error.contains('With strictFileNames=true such a file is refused: rename it (e.g. YYYYMMDDhhmmss_V1__init.sql)')

// Nothing ran, not even the valid file; no history table
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.widgets') && !db.tableExists('public.gadgets')
true
