def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// status.json: every migration in time order with its state, the counts, the database without the password
def status = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/status.json'))
assert status.migrations.collect { [it.version, it.state] } == [['20250101000000', 'applied'], ['20250102000000', 'changed'],
                                                                ['20250103000000', 'missing'], ['20250104000000', 'pending']]
assert status.migrations[0].appliedAt == '2025-01-10T12:00:00' && status.migrations[0].executionMs == 7
assert status.summary.subMap(['applied', 'pending', 'changed', 'missing', 'failed', 'baseline']) ==
        [applied: 1, pending: 1, changed: 1, missing: 1, failed: 0, baseline: 0]
assert status.database.url == "jdbc:postgresql://localhost:${itPort}/it_status_report"
assert status.database.serverVersion.startsWith('17')

// The table in the log
assert log =~ /20250101000000\s+20250101000000_projects\.sql\s+applied\s+2025-01-10 12:00:00\s+7/
assert log =~ /20250102000000\s+20250102000000_project_owner\.sql\s+changed/
assert log =~ /20250103000000\s+project_members\s+missing/
assert log =~ /20250104000000\s+20250104000000_project_tags\.sql\s+pending/
assert log.contains('4 migrations: 1 applied, 1 pending (0 out of order), 1 changed, 1 missing, 0 failed, 0 baseline.')

// Run 2 failed on the changed file, naming it, and said how to report without failing
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('1 changed and 0 failed migration: 20250102000000_project_owner.sql')
assert error.contains('-Dpmoves.failOnChanged=false')

// The checksums status computed are remembered for the next run, in a file for this user alone
def cache = new File(basedir, 'target/pmoves/checksums').toPath()
assert java.nio.file.Files.readAllLines(cache)[0].startsWith('# pmoves-maven-plugin checksums')
assert java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(cache)) == 'rw-------'

// The password is in no log line and no report; status changed nothing
assert !log.contains('Sup4base-Dashboard-Pw') && !new File(basedir, 'target/pmoves/status.json').text.contains('Sup4base')
assert db.value("SELECT count(*) FROM supabase_migrations.schema_migrations") == 3
assert !db.tableExists('public.projects')
true
