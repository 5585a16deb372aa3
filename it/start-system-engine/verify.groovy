def log = new File(basedir, 'build.log').text

def started = (log =~ /Started system PostgreSQL (\d+)\.\d+ \((.+)\) on port (\d+) \(instance default\): pmoves\.url=jdbc:postgresql:\/\/127\.0\.0\.1:\d+\/postgres/)
assert started.find()
int port = started.group(3) as int

// the real pg_cron, preloaded: the job was scheduled, and the migration recorded
assert log.contains('Applied 1 migration')
assert log.contains('1 migration: 1 applied, 0 pending')

// stop ran last: nothing listens on the port, no postmaster is left, and no data directory
assert log.indexOf('Stopped system PostgreSQL') > log.indexOf('applied, 0 pending')
try {
    new Socket('127.0.0.1', port).close()
    assert false: "a server still listens on port ${port}"
} catch (ConnectException expected) {
}
def serverLog = new File(basedir, 'target/pmoves/postgres-default.log').text
def data = (serverLog =~ /pg_ctl -D '?([^'\s]+)'?/)
assert data.find() : serverLog
assert !new File(data.group(1)).exists() : "${data.group(1)} left behind"
assert 'ps -eo args'.execute().text.readLines().findAll { it.contains(data.group(1)) }.isEmpty()
true
