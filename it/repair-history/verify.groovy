def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def migrations = new File(basedir, 'supabase/migrations')

// 1. apply refused and named the exact command
assert log.contains('Migration 20250103_b.sql (version 20250103) failed part-way in an earlier run')
assert log.contains('(mvn pmoves:repair -Dpmoves.clearFailed=20250103)')

// 2. the dry run printed every change
assert log.contains('[INFO] (dry run) markReverted 20241201 (dropped_experiment): row deleted (missing), nothing was run;')
assert log.contains('[INFO] (dry run) clearFailed 20250103 (20250103_b.sql): failed row deleted;')
assert log.contains('[INFO] (dry run) markApplied 20250102 (20250102_c.sql): recorded as applied without running it (it was out-of-order)')
assert log.contains('[INFO] (dry run) realign 20250101 (20250101_a.sql): checksum the-checksum… → ')
assert log.contains('[INFO] Dry run: would change 4 rows of supabase_migrations.schema_migrations; nothing was changed.')

// 3. the repair made them
assert log.contains('[INFO] Repaired 4 rows of supabase_migrations.schema_migrations.')

// 4. apply ran only the cleared migration; status is clean
assert log.contains('[INFO] [1/1] 20250103_b.sql')
assert log.contains('[INFO] 3 migrations: 3 applied, 0 pending (0 out of order), 0 changed, 0 missing, 0 failed, 0 baseline.')

def rows = db.rows('SELECT version, state, checksum, execution_ms FROM supabase_migrations.schema_migrations ORDER BY version')
assert rows*.version == ['20250101', '20250102', '20250103']
assert rows.every { it.state == 'applied' }
assert rows[0].checksum == ai.pmoves.engine.migration.Checksum.ofRawText(new File(migrations, '20250101_a.sql').text)
assert rows[1].execution_ms == null   // recorded, never run
assert rows[2].execution_ms != null   // run by apply
assert db.tableExists('public.b')
true
