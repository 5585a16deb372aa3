def log = new File(basedir, 'build.log').text
def started = (log =~ /Started embedded PostgreSQL 17\.6\.0 on port (\d+)/)
assert started.find()
int port = started.group(1) as int
assert log.contains('20250101_broken.sql:1:15: ERROR 42P01')
assert !log.contains('Stopped embedded PostgreSQL')
// One line says the server was stopped all the same
assert log.contains("[INFO] The build ended without pmoves:stop: stopped the embedded PostgreSQL 17.6.0 on port ${port}, which pmoves:start started.")
try {
    new Socket('127.0.0.1', port).close()
    assert false: "the failed build left a server on port ${port}"
} catch (ConnectException expected) {
}
true
