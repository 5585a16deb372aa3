def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// named, not blamed on the file, with the ways out
assert log.contains('20241001000000_search.sql:1:')
assert log.contains('The file is not at fault: this server does not have the extension vector')
assert log.contains('-Dpmoves.engine=docker') && log.contains('supabase/postgres')
assert log.contains('supabaseCompat=emulate does not stand in for vector')
assert log.contains('-Dpmoves.engine=system') && log.contains('testcontainers-postgresql')
if (new File('/etc/debian_version').exists()) {
    assert log =~ /\(apt install postgresql-\d+-pgvector\)/
}
assert !log.contains('Fix the file')

// the migration left nothing behind
assert !db.tableExists('public.passages')
assert db.value("SELECT count(*) FROM supabase_migrations.schema_migrations") == 0
assert db.value("SELECT count(*) FROM pg_extension WHERE extname = 'vector'") == 0
true
