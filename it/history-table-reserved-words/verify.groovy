def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Each table under its name as PostgreSQL reads the parameter: select.from is "select"."from"
assert db.column('SELECT version FROM "select"."from" ORDER BY version') == ['20250101000000', '20250102000000']
assert db.value('SELECT count(*) FROM "select"."from_failed"') == 0
assert db.column('SELECT path FROM "select".definition_files') == ['supabase/definitions/note_count.sql']
assert db.column('SELECT path FROM "Seed Files"."order"') == ['db/01_notes.sql']
assert db.value('SELECT n FROM public.note_count') == 1
assert log.contains('history "select"."from"')

// The second bootstrap found everything recorded; status read the same tables
assert log.contains('migrations 0 applied, 2 already applied')
assert log.contains('seeds 0 ran, 1 unchanged')
assert log =~ /20250102000000_notes_index\.sql +applied/
true
