def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The column made by hand is reported; the build went on
assert log.contains('added column public.orders.note: none → type text, null nullable')
assert log.contains('BUILD SUCCESS')

// The scratch database was made on the target's server and dropped afterwards
def scratch = (log =~ /dropped the scratch database (pmoves_drift_[0-9a-f]+)/)
assert scratch.find()
assert db.value("SELECT count(*) FROM pg_database WHERE datname LIKE 'pmoves_drift_%'") == 0
true
