def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error names file:line:column of the opening $$ and the fix
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('20250103000000_bump.sql:2:') && error.contains('unterminated dollar-quoted string $$')
assert error.contains('add the closing $$')

// Nothing ran: not the two valid files, not even the history table
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.counters')
true
