def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Nothing ran
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
assert !db.tableExists('public.orders')

// Each error names its file and says what is wrong with it
assert log =~ /plans\/status\.json is not a pmoves plan: it has no "format": "pmoves-plan\/1", which every plan starts with \(another report\?\)\. Give pmoves\.plan the plan\.json that mvn pmoves:plan wrote/
assert log =~ /plans\/cut-short\.json is not a pmoves plan: it is cut short: .* at line 6/
assert log =~ /The plan .*plans\/absent\.json does not exist \(pmoves\.plan\)\. Make one with mvn pmoves:plan/
true
