def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

// No line of the log is forged, and the names' control characters never reach it raw
assert !lines.any { it.startsWith('[ERROR] forged') }
assert !log.contains('\r') && !log.contains('\u001b[2K')

// 1: validate names the migration in its finding, escaped, on one line
def migration = '20250101000000_notes\\n[ERROR] forged by a migration name.sql'
assert lines.any { it.startsWith('[WARNING]   supabase/migrations/' + migration + "  '" + migration + "' is not a migration's name") }

// 2: apply skips the file, the CLI's way, and its warning shows the name escaped
assert lines.any { it.startsWith("[WARNING] Skipped supabase/migrations/$migration: its name is not a migration's") }
assert !db.tableExists('public.never')

// 3: the seed runs, its name escaped in the progress line; the database keeps the real name
def seed = 'db/01_notes\\n[ERROR] forged by a seed name\\u001b[2K.sql'
assert lines.any { it.startsWith("[INFO] [1/1] $seed … ran, ") }
assert db.tableExists('public.seeded')
assert db.column('SELECT path FROM supabase_migrations.seed_files') ==
        ['db/01_notes\n[ERROR] forged by a seed name\u001b[2K.sql']

// 4: the failing seed's error names it escaped, with the statement's place and what became of it
def failing = 'db-failing/01_broken\\r[ERROR] forged by a failing seed.sql'
assert lines.any { it.contains(failing + ':1:15: ERROR 42P01: relation "nope" does not exist') }
assert lines.any { it.startsWith("Seed $failing was rolled back") }
true
