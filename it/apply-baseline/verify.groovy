def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The first two are recorded as baseline (not run: their CREATEs would have failed), the third is applied
assert db.rows("SELECT version, state FROM supabase_migrations.schema_migrations ORDER BY version") == [
        [version: '20250101000000', state: 'baseline'],
        [version: '20250102000000', state: 'baseline'],
        [version: '20250103000000', state: 'applied']]
assert db.tableExists('public.agent_tasks')
assert db.value("SELECT count(*) FROM public.agents") == 1

assert log.contains('Baseline: recorded 2 migrations up to 20250102000000_agents_name_index.sql without running them')
assert log.contains('[1/1] 20250103000000_agent_tasks.sql')
assert !log.contains('already exists')
true
