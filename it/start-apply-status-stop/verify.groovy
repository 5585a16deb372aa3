def log = new File(basedir, 'build.log').text

def started = (log =~ /Started embedded PostgreSQL 17\.6\.0 on port (\d+) \(instance default\)/)
assert started.find()
int port = started.group(1) as int
// zonky's log level is set the way the running Maven reads it (Maven 4 warns about SLF4J's older property)
assert !log.contains('Using deprecated property')

// apply and status used the started server, through the pmoves.url property start set
assert log.contains('Applied 2 migrations')
assert log.contains('2 migrations: 2 applied, 0 pending')
assert new File(basedir, 'target/pmoves/status.json').text.contains("\"url\": \"jdbc:postgresql://127.0.0.1:${port}/postgres\"")

// stop ran last, and nothing listens on the port any more (the server listened on 127.0.0.1 only)
assert log.indexOf('Stopped embedded PostgreSQL 17.6.0 (instance default).') > log.indexOf('2 migrations: 2 applied')
try {
    new Socket('127.0.0.1', port).close()
    assert false: "a server still listens on port ${port}"
} catch (ConnectException expected) {
}
true
