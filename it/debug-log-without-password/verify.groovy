def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The debug log lists the goal's parameters, the user among them, and not the password
assert log.contains('[DEBUG]   (f) user = it_debug_log_deployer')
assert !log.contains('(f) password')
assert !log.contains('Debug-Log-Secret')

// The run connected with it
assert db.value("SELECT applied_by FROM supabase_migrations.schema_migrations") == 'it_debug_log_deployer'
assert db.tableExists('public.ledger')
true
