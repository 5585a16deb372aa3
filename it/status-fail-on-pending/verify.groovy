def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The gate failed, naming what is pending and what to do
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('1 migration pending') && error.contains('20250301000000_releases.sql')
assert error.contains('pmoves.failOnPending=true') && error.contains('Run pmoves:apply first')
assert log =~ /20250301000000\s+20250301000000_releases\.sql\s+pending/

// Nothing was created: no history schema, no table
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.releases')
true
