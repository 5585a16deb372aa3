def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The index exists and its concurrent build completed (an interrupted one leaves it invalid)
assert db.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'public.events_kind_idx'::regclass") == true

// Both migrations are recorded as applied
assert db.rows("SELECT version, state FROM supabase_migrations.schema_migrations ORDER BY version") ==
        [[version: '20250101000000', state: 'applied'], [version: '20250102000000', state: 'applied']]
assert log.contains('[2/2] 20250102000000_events_kind_index.sql')
assert log.contains('Applied 2 migrations')
true
