def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Nothing ran: no history schema, no table
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.profiles')

// The script holds, in order: the history table's creation, then each migration in a transaction with its row
def sql = new File(basedir, 'target/pmoves/dry-run.sql').text
def expected = [
        'CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations',
        'BEGIN;\nCREATE TABLE public.profiles (id uuid PRIMARY KEY, handle text UNIQUE);',
        "INSERT INTO supabase_migrations.schema_migrations (version, name, checksum, applied_at, applied_by, state) VALUES ('20250101000000', 'profiles',",
        'COMMIT;',
        // the lock the statement takes is shown above it; the table is created by the run, so it has no size yet
        'BEGIN;\n-- AccessExclusiveLock on public.profiles (not on the target yet)\nALTER TABLE public.profiles ADD COLUMN bio text;',
        "COMMENT ON COLUMN public.profiles.bio IS 'free text; shown on the profile page';",
        "VALUES ('20250102000000', 'profiles_bio',",
        'COMMIT;']
def at = 0
expected.each { at = sql.indexOf(it, at); assert at >= 0 : "not found in order: $it"; at += it.length() }

assert log.contains('Dry run: nothing was executed')
assert log.contains('Would apply 2 migrations')
true
