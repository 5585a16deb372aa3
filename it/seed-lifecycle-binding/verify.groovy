import groovy.json.JsonSlurper

def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// apply, then seed, then status, in one build
def applied = log.indexOf('Applied 1 migration')
def seeded = log.indexOf('Seeded 1 file (0 unchanged)')
def reported = log.indexOf('1 seed file: 1 applied, 0 pending, 0 changed, 0 missing.')
assert applied >= 0 && seeded > applied && reported > seeded
// The missing default supabase/initdb is no news: said at debug level only
assert !log.contains('(default initDirectory): skipped.')
assert db.value("SELECT count(*) FROM pmoves_core.service_catalog") == 3

// status.json lists the seed next to the migrations
def status = new JsonSlurper().parse(new File(basedir, 'target/pmoves/status.json'))
assert status.migrations*.state == ['applied']
assert status.seeds.size() == 1
assert status.seeds[0].path == 'db/v5_12_seed.sql' && status.seeds[0].state == 'applied' && status.seeds[0].appliedAt != null
true
