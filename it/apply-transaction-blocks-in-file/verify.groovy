def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The block acted as the user, the rest of the file as the owner, and the committed enum value was usable
assert db.column("SELECT entry || '|' || written_by FROM public.journal WHERE feeling IS NULL ORDER BY entry") ==
        ['as a user|authenticated', 'as the owner|postgres']
assert db.column("SELECT note FROM public.audit") == ['written by the owner']
assert db.column("SELECT feeling::text FROM public.journal WHERE entry = 'a new value'") == ['great']
assert db.value("SELECT count(*) FROM supabase_migrations.schema_migrations WHERE state = 'applied'") == 3

// One line says each of the two files runs as written, not atomic
assert log.contains('20250102000000_write_as_a_user.sql runs outside a single transaction, not atomic: it has'
        + ' transaction control of its own (END at line 5), so it runs as written, as psql runs it.')
assert log.contains('20250103000000_great_mood.sql runs outside a single transaction, not atomic: it has'
        + ' transaction control of its own (COMMIT at line 2)')
assert !log.contains('20250101000000_journal.sql runs outside')
true
