def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// apply ran in pre-integration-test, rollback in post-integration-test, where it was bound
def applied = log.indexOf(':apply (migrate-for-its) @ rollback-bound-explicitly')
def rolledBack = log.indexOf(':rollback (tear-down-after-its) @ rollback-bound-explicitly')
assert applied >= 0 && rolledBack > applied
assert log.contains('Applied 3 migrations')
assert log.contains('Rolled back 3 migrations')

// Everything the migrations made is gone again, and so is their history
assert !db.tableExists('public.chat_messages')
assert !db.tableExists('public.anchors')
assert !db.tableExists('pmoves_core.service_catalog')
assert db.value("SELECT count(*) FROM supabase_migrations.schema_migrations") == 0
true
