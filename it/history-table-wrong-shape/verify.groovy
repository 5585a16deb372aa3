def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Refused with the reason and the fix
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('The history table public.schema_migrations cannot hold this plugin\'s rows')
assert error.contains("its column 'version' is bigint, where text is needed")
assert error.contains('Point historyTable (-Dpmoves.historyTable) at another table')

// Nothing applied, Realtime's table untouched (no column added, its row intact)
assert !db.tableExists('public.channels')
assert db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'schema_migrations' ORDER BY ordinal_position") == ['version', 'inserted_at']
assert db.column("SELECT version FROM public.schema_migrations") == [20210706140551L]
true
