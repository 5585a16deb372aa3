def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error names the parameter, the path and the fix
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains("The configured migrationsDirectory '${new File(basedir, 'database/migrations')}' does not exist")
assert error.contains('-Dpmoves.migrationsDirectory')

// Nothing was created
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
true
