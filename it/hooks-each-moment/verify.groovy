def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// First run: each hook at its moment, the afterMigrate ones in natural order of their suffixes
def first = ['beforeMigrate', 'afterEachMigrate', 'afterEachMigrate', 'afterEachDefinition',
             'afterMigrate__1_grants', 'afterMigrate__2_comment', 'seed', 'afterSeed']
// Second run: nothing to apply, the seed unchanged; the hooks of the run itself still run
def second = ['beforeMigrate', 'afterMigrate__1_grants', 'afterMigrate__2_comment', 'afterSeed']
// Third run, pmoves:seed: the seed unchanged, its afterSeed hook runs all the same
def third = ['afterSeed']
assert db.column("SELECT what FROM public.hook_log ORDER BY n") == first + second + third

// In the log; not recorded anywhere; PostgREST told once, after the run that changed the schema
assert log.contains('[hook afterMigrate] supabase/hooks/afterMigrate__2_comment.sql … ')
assert db.column("SELECT path FROM supabase_migrations.seed_files ORDER BY path") == ['db/seed.sql',
        'supabase/initdb/01_hook_log.sql']
assert log.count("notifyPostgrest: sent NOTIFY pgrst, 'reload schema'.") == 1

// The dry run, which ran nothing, shows each afterEach… hook inside each file's transaction, after its row
def dryRun = new File(basedir, 'target/pmoves/dry-run.sql').text
def each = { moment -> "-- [hook $moment] supabase/hooks/${moment}.sql (runs every time, not recorded)\n" +
        "INSERT INTO public.hook_log (what) VALUES ('$moment');\nCOMMIT;\n" }
assert dryRun.count(each('afterEachMigrate')) == 2
assert dryRun.count(each('afterEachDefinition')) == 1
true
