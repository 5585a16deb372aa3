def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Both names were refused, with the parameter named and the expected form shown
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert errors.size() == 2
assert errors[0].contains("historyTable 'public.x; DROP TABLE public.keep_me' is not a schema.table name: it is not two names joined by a dot")
assert errors[1].contains("historyTable 'db.public.history' is not a schema.table name: it is not two names joined by a dot")
assert errors.every { it.contains('e.g. supabase_migrations.schema_migrations') }
assert !log.contains('Applying to')

// No SQL ran: the table survived, nothing was created
assert db.tableExists('public.keep_me')
assert !db.tableExists('public.things')
assert db.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'supabase_migrations'") == 0
true
