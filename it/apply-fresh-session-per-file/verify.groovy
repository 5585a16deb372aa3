def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The dump's empty search_path stayed in its file; the init script's database default reached every file after it
assert db.column("SELECT by || '|' || said || '|' || search_path FROM public.greetings ORDER BY by") ==
        ['migration|hi|"$user", public, extensions', 'seed|hi|"$user", public, extensions']
assert db.value("SELECT count(*) FROM supabase_migrations.schema_migrations WHERE state = 'applied'") == 2
assert log.contains('[2/2] 20250102000000_greet.sql … ')
assert log.contains('[1/1] db/01_greet.sql … ran')
true
