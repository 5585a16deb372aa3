def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Every migration is recorded, with the Supabase CLI's version rule: digits as written, the whole stem for dashed dates
def rows = db.rows("SELECT version, name, state, checksum FROM supabase_migrations.schema_migrations ORDER BY applied_at, version")
assert rows*.version as Set == ['2025-09-08_geometry_bus', '2025-09-08_geometry_bus_rls', '20250115000000', '20250115',
                                '20251105', '2025-12-10_chat_messages_realtime'] as Set
assert rows.every { it.state == 'applied' && it.checksum ==~ /[0-9a-f]{64}/ }

// The objects exist: the later files could only run after the earlier ones
assert db.tableExists('public.anchors')
assert db.value("SELECT relrowsecurity FROM pg_class WHERE oid = 'public.anchors'::regclass") == true
assert db.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'chat_messages' AND column_name = 'room'") == 1
assert db.value("SELECT pmoves_core.persona_count()") == 0
assert db.value("SELECT note FROM pmoves_core.service_catalog") == 'a note; with a semicolon'

// The log shows progress in time order and a summary
// The Supabase CLI's order: versions compared as strings (20250115 < 20250115000000), a dashed date as its 8 digits
def order = ['20250115_persona_agent_creation.sql', '20250115000000_service_catalog.sql', '2025-09-08_geometry_bus.sql',
             '2025-09-08_geometry_bus_rls.sql', '20251105_chat_messages.sql', '2025-12-10_chat_messages_realtime.sql']
def positions = order.collect { log.indexOf(it) }
assert positions.every { it >= 0 } && positions == positions.sort(false)
assert log.contains('[1/6] 20250115_persona_agent_creation.sql')
assert log.contains('Applied 6 migrations')
true
