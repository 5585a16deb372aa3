def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Only the first two ran
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") == ['20250101000000', '20250102000000']
assert db.column("SELECT column_name FROM information_schema.columns WHERE table_name = 'tenants' ORDER BY ordinal_position") == ['id', 'name']
assert !db.tableExists('public.tenant_quotas')
assert log.contains('Applied 2 migrations')

// status shows the rest pending, in the table and in status.json
assert log =~ /20250103000000\s+20250103000000_tenant_plans\.sql\s+pending/
assert log =~ /20250104000000\s+20250104000000_tenant_quotas\.sql\s+pending/
def status = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/status.json'))
assert status.migrations.collect { it.state } == ['applied', 'applied', 'pending', 'pending']
assert status.summary.applied == 2 && status.summary.pending == 2
true
