import groovy.json.JsonSlurper

def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The plan's SQL: the migrations in order, each in its transaction, then the definition and the hook; the plain
// variable substituted, the secret one left as written
def sql = new File(basedir, 'target/pmoves/plan.sql').text
def expected = [
        'BEGIN;\nCREATE TABLE public.accounts',
        "COMMENT ON TABLE public.accounts IS 'who may sign in';",
        'COMMIT;',
        // above a statement that holds others up, its lock (the table is the plan's own: not on the target yet)
        'BEGIN;\n-- AccessExclusiveLock on public.accounts (not on the target yet)\nALTER TABLE public.accounts ADD COLUMN email text;',
        "COMMENT ON COLUMN public.accounts.email IS :'api_key';",
        'CREATE OR REPLACE VIEW public.account_names',
        'GRANT SELECT ON public.account_names TO PUBLIC;']
def at = 0
expected.each { at = sql.indexOf(it, at); assert at >= 0 : "not found in order: $it"; at += it.length() }
assert !sql.contains('Settings-Secret-5kq-never-shown') && !sql.contains('20250103000000')

// plan.json: each migration with the checksum the history keeps, the fingerprints, the database
def plan = new JsonSlurper().parse(new File(basedir, 'target/pmoves/plan.json'))
assert plan.format == 'pmoves-plan/1'
assert plan.migrations*.version == ['20250101000000', '20250102000000']
assert plan.migrations[0].statements*.line == [1, 2]
assert plan.definitions*.path == ['supabase/definitions/account_names.sql']
assert plan.hooks*.path == ['supabase/hooks/afterMigrate.sql']
assert plan.history.fingerprint ==~ /[0-9a-f]{64}/ && plan.history.rows == []
assert plan.database.name == 'it_plan_then_apply' && !plan.database.url.contains('password')
assert db.column('SELECT checksum FROM supabase_migrations.schema_migrations ORDER BY version') ==
        plan.migrations*.checksum

// install published it beside the POM, as deploy would
def published = new File(basedir, '../../local-repo/ai/pmoves/it/plan-then-apply/1/plan-then-apply-1-pmoves-plan.json')
assert published.text == new File(basedir, 'target/pmoves/plan.json').text

// The apply ran exactly the plan: the two migrations, the definition, the hook; the later file waits
assert db.tableExists('public.account_names')
assert db.value("SELECT has_table_privilege('public', 'public.account_names', 'SELECT')") == true
assert db.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'note'") == 0
assert log.contains('Plan: 2 migrations (supabase/migrations/20250101000000_accounts.sql, supabase/migrations/20250102000000_accounts_email.sql), 1 definition (supabase/definitions/account_names.sql), with 1 hook; nothing was run.')
assert log.contains('20250103000000_accounts_note.sql is not in the plan (added after it was made): it waits for the next plan.')
assert log.contains('Applied 2 migrations')
assert !log.contains('Settings-Secret-5kq-never-shown')
true
