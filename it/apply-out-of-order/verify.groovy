def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Run 2 refused the late file, naming it and the switch
assert log.contains('Pending migrations are older than the newest applied one: 20250102000000_audit_log.sql')
assert log.contains('-Dpmoves.outOfOrder=true')

// Run 3 applied it, after the one dated later
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY applied_at, version") ==
        ['20250101000000', '20250103000000', '20250102000000']
assert db.tableExists('public.audit_log')
assert log.contains('[1/1] 20250102000000_audit_log.sql')
true
