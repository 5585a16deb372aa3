def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// the prefix found the plugin this build installed, from the plugin group in settings.xml
assert log =~ /--- pmoves(-maven-plugin)?:\d[^:]*:bootstrap \(default-cli\) @ bootstrap-by-prefix ---/
assert db.tableExists('shop.products')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations") == ['20250301000000']
true
