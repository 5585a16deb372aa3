def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The two migrations after the target, newest first: the realtime column goes before its table
assert log.indexOf('[1/2] rolled back 2025-12-10_chat_messages_realtime.sql') < log.indexOf('[2/2] rolled back 20251105_chat_messages.sql')
assert !db.tableExists('public.chat_messages')

// The target stays, and what came before it
assert db.tableExists('public.anchors')
assert db.tableExists('pmoves_core.service_catalog')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") ==
        ['2025-09-08_geometry_bus', '20250115000000']
true
