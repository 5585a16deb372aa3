def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The Supabase CLI's order: versions compared as strings, a dashed date as its 8 digits, file names breaking ties
def order = ['00000000000001_schema', '0001_init', '0002_accounts', '0010_profiles', '2024-01-01_dashed', '20240101_day',
             '20240101000000_midnight', '20240102_next_day', '20251340_typo']
assert db.column("SELECT file FROM public.ran ORDER BY n") == order

// Recorded as the CLI records them: the digits as written; a dashed date as its whole stem
assert db.column("SELECT version FROM supabase_migrations.schema_migrations WHERE state = 'applied'") as Set ==
        ['00000000000001', '0001', '0002', '0010', '2024-01-01_dashed', '20240101', '20240101000000', '20240102',
         '20251340'] as Set
assert log.contains('[1/9] 00000000000001_schema.sql')
assert log.contains('Applied 9 migrations')
assert !log.contains('not a valid UTC date')
true
