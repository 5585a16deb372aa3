def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Both missing down scripts are named by their full path
assert log.contains('2 down scripts missing; looked for:')
assert log.contains(new File(basedir, 'supabase/rollbacks/2025-09-08_geometry_bus.sql').path)
assert log.contains(new File(basedir, 'supabase/rollbacks/20250115000000_service_catalog.sql').path)
assert log.contains('Nothing was rolled back')

// Nothing was undone: not even the newest, whose down script is there
assert !log.contains('rolled back 20251105_chat_messages.sql')
assert db.tableExists('public.chat_messages')
assert db.value("SELECT count(*) FROM supabase_migrations.schema_migrations") == 3
true
