def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// 2. rollback: the newest migration, and only it, was undone
assert log.contains('[1/1] rolled back 20251105_chat_messages.sql')
assert log.contains('Rolled back 1 migration in ')

// 3. status, between the rollback and the second apply: it is pending again, the other two still applied
def status = new File(basedir, 'target/pmoves/status.json').text
assert status.contains('"version": "20251105", "name": "20251105_chat_messages.sql", "state": "pending"')
assert status.contains('"summary": {"applied": 2, "pending": 1,')

// 4. apply: brings it back (its CREATE TABLE has no IF NOT EXISTS, so the table really was gone)
assert log.contains('[1/1] 20251105_chat_messages.sql')
assert log.contains('Applied 1 migration (2 already applied)')
assert db.tableExists('public.chat_messages')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") ==
        ['2025-09-08_geometry_bus', '20250115000000', '20251105']

// The older two were never touched: the row the first migration inserted is still the only one
assert db.value("SELECT count(*) FROM pmoves_core.service_catalog") == 1
true
