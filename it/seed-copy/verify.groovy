def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)

def rows = db.rows("SELECT id, provider, name, notes FROM public.models ORDER BY id")
assert rows*.id == [1, 2, 3, 4, 5, 6, 7]
assert rows[0].notes == null                       // \N
assert rows[1].notes == 'a tab:\there'             // \t
assert rows[2].name == 'C:\\models\\llama.gguf'    // \\
assert rows[5].name == 'phi4' && rows[5].notes == null  // the last line, without a newline
assert db.value("SELECT count(*) FROM supabase_migrations.seed_files") == 2
true
