def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error names file:line, the command and the fix
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('20250102000000_region_data.sql:3:1: psql meta-command \\i is not supported')
assert error.contains('inline the file or split it into migrations')
assert error.count('is not supported') == 1  // said once, not repeated from the lexer's own exception

// Nothing ran: not the valid first file, not even the history table
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.regions')
true
