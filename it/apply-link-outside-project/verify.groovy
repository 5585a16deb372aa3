def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def origin = "a link to ${new File(basedir.parentFile, 'apply-link-outside-project-shared.sql').canonicalPath}, outside the project"

// The dry run's heading and log line, then the run's log line, say where the file really is; the file in the project does not
assert new File(basedir, 'target/pmoves/dry-run.sql').text.contains("-- [2/2] 20250102000000_shared.sql (version 20250102000000; ${origin})")
assert log.contains("[2/2] 20250102000000_shared.sql (${origin}) … would run")
assert log =~ /\[2\/2\] 20250102000000_shared\.sql \(\Q${origin}\E\) … \d+ ms/
assert log =~ /\[1\/2\] 20250101000000_notes\.sql … \d+ ms/

// It was followed and applied
assert db.tableExists('public.shared')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") == ['20250101000000', '20250102000000']
true
