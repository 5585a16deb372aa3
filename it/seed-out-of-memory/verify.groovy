def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
new File(basedir, 'db/v1_big_seed.sql').delete() // 200 MB: not left in target/

// The error names the file and the line being read, what happened and the way out, not Maven's bare "Java heap space"
assert log.contains('db/v1_big_seed.sql:3: the JVM ran out of memory (Java heap space)')
assert log.contains('Give Maven a larger heap (MAVEN_OPTS=-Xmx2g')
assert log.contains('Seed db/v1_big_seed.sql was rolled back: none of it is applied and it is not recorded')

// The statements before the long line left nothing, and the seed is not recorded
assert !db.tableExists('public.before_the_long_line')
assert db.value("SELECT count(*) FROM supabase_migrations.seed_files") == 0
true
