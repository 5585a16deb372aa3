def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// One warning per skipped file: its path, that the CLI skips it too, and the name that would run it
assert log.contains("[WARNING] Skipped supabase/migrations/V1__init.sql: its name is not a migration's")
assert log.contains('To run it, rename it to YYYYMMDDhhmmss_V1__init.sql; to refuse such a file instead, set strictFileNames=true.')
assert log.contains("[WARNING] Skipped supabase/migrations/local_20240107152745_sprockets.sql: its name is not a migration's")
assert log.contains('To run it, rename it to 20240107152745_sprockets.sql;')
assert log.count('[WARNING] Skipped ') == 2
// atlas.sum is not SQL: not a word about it
assert !log.contains('atlas.sum')

// The migration beside them ran; the skipped files did not
assert db.tableExists('public.widgets')
assert !db.tableExists('public.gadgets') && !db.tableExists('public.sprockets')
assert db.value("SELECT string_agg(version, ',') FROM supabase_migrations.schema_migrations") == '20250101000000'
true
