def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The error: file:line:column of the failing statement, SQLSTATE, message, detail, and what became of the file
assert log.contains('db/v5_13_persona_enhancements.sql:3:1: ERROR 23514: new row for relation "personas" violates'
        + ' check constraint "personas_temperature_check"')
assert log.contains('Detail: Failing row contains (Scientist, 1.6)')
assert log.contains('Seed db/v5_13_persona_enhancements.sql was rolled back: none of it is applied and it is not recorded')

// The files before it stay, the failing one left nothing (not even its first row), the one after it did not run
assert db.column("SELECT path FROM supabase_migrations.seed_files ORDER BY path") ==
        ['db/v5_12_seed.sql', 'supabase/initdb/01_schema.sql']
assert db.column("SELECT name FROM pmoves_core.personas ORDER BY name") == ['Developer']
assert !log.contains('v5_14_seed_standard_personas')
true
