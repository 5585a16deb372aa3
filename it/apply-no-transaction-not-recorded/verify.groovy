def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }

// Run 1 built the index outside a transaction and failed, naming the file, saying it ran but was not recorded, and
// how to record it
assert db.value("SELECT count(*) FROM pg_indexes WHERE indexname = 'notes_body'") == 1
assert error != null
assert log.contains('Cannot record 20250101000000_notes_body_index.sql in supabase_migrations.schema_migrations: ERROR: permission denied for table schema_migrations.')
assert log.contains('Migration 20250101000000_notes_body_index.sql ran outside a transaction (CREATE INDEX CONCURRENTLY at line 1 cannot run in a transaction): its statements took effect, but they are not recorded')
assert log.contains('mvn pmoves:repair -Dpmoves.markApplied=20250101000000')
assert !log.contains('Applied 1 migration')

// That command recorded it as applied without running it; the next apply found nothing to do
assert db.rows("SELECT version, state, execution_ms FROM supabase_migrations.schema_migrations") ==
        [[version: '20250101000000', state: 'applied', execution_ms: null]]
assert log.contains('Nothing to apply: the database is up to date (1 already applied)')
true
