def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
assert db.value("SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'schema_migrations' AND column_name = 'version'") == 'bigint'
assert db.value("SELECT count(*) FROM public.schema_migrations WHERE inserted_at IS NOT NULL") == 2
assert db.column("SELECT version FROM public.schema_migrations ORDER BY 1")*.toString() == ['20210710035447', '20221208132122']
assert log =~ /Supabase preparation \(auto\): .*; repaired public\.schema_migrations \(Realtime\/Ecto shape\);/
// the plugin's own history is elsewhere, untouched by the repair
assert db.value("SELECT version FROM supabase_migrations.schema_migrations") == '20250101'
true
