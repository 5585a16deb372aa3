def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
// whichever piece is missing first, the message names the privilege it needs and the way out
// (the Supabase roles are the cluster's: whether another IT made them first decides which piece is first)
assert log =~ /(?s)(Cannot create role \w+: .*?CREATEROLE privilege|Supabase preparation failed: .*permission denied.*CREATE on the database)/
assert log.contains('supabaseCompat=off')
assert log.contains('Nothing of the preparation was kept')
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname IN ('auth', 'storage', 'realtime', 'extensions', 'supabase_migrations')") == 0
assert !db.tableExists('public.notes')
true
