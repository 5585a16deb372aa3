def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Newest first: the chat messages (2025-11-05) before the geometry bus (2025-09-08)
assert log.indexOf('[1/2] rolled back 20251105_chat_messages.sql') < log.indexOf('[2/2] rolled back 2025-09-08_geometry_bus.sql')
assert log.contains('Rolled back 2 migrations in ')

assert !db.tableExists('public.chat_messages')
assert !db.tableExists('public.anchors')
assert db.tableExists('pmoves_core.service_catalog')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations") == ['20250115000000']
true
