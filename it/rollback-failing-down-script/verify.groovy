def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error points into the down script and says what the run did and did not do
assert log.contains('rollbacks/2025-09-08_geometry_bus.sql:2:8: ERROR 42883: function no_such_function() does not exist')
assert log.contains('The undo of 2025-09-08_geometry_bus.sql was rolled back: it is still applied')
assert log.contains('Undone before it in this run: 20251105_chat_messages.sql.')
assert log.contains('Not attempted, still applied: 20250115000000_service_catalog.sql.')

// 1. the newest is undone
assert !db.tableExists('public.chat_messages')
// 2. the failing one is still applied: its DROP TABLE was rolled back together with the error
assert db.tableExists('public.anchors')
// 3. the oldest is untouched
assert db.tableExists('pmoves_core.service_catalog')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") ==
        ['2025-09-08_geometry_bus', '20250115000000']
true
