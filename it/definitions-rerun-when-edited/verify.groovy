import ai.pmoves.engine.migration.Checksum

def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// First build: both, in natural order, after the migration; second build: only the edited one
assert db.column("SELECT file FROM public.definition_runs ORDER BY n") ==
        ['big_orders', 'order_total', 'big_orders, edited']
assert log.indexOf('20250101000000_orders.sql') < log.indexOf('[definition 1/2] supabase/definitions/big_orders.sql (new)')
assert log.contains('[definition 1/1] supabase/definitions/big_orders.sql (changed)')
assert db.value("SELECT pg_get_viewdef('public.big_orders')").contains('1000')

// Its row has the edited file's checksum; status lists both as applied
def edited = Checksum.ofFile(new File(basedir, 'supabase/definitions/big_orders.sql').toPath())
assert db.value("SELECT checksum FROM supabase_migrations.definition_files"
        + " WHERE path = 'supabase/definitions/big_orders.sql'") == edited
assert log =~ /supabase\/definitions\/order_total\.sql +applied/
assert log.contains('2 definitions: 2 applied, 0 pending, 0 changed, 0 missing.')
assert new File(basedir, 'target/pmoves/status.json').text.contains('"definitions": [')
true
