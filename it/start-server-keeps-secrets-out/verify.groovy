import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def secret = 'Settings-Secret-5kq-never-shown' // it/settings.xml, server it-api-secrets

// the server listened on the loopback address, and its password was never printed
assert log =~ /Started embedded PostgreSQL 17\.6\.0 on port \d+ \(instance default\): pmoves\.url=jdbc:postgresql:\/\/127\.0\.0\.1:\d+\/postgres/
assert !(log =~ /(?i)password=[^*\s]/)

// the failure names the file and the variable, never its value
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('20250101000000_api_key.sql:3')
assert error.contains("invalid input syntax for type integer: \":'api_key'\"")
assert !log.contains(secret)

// the server's own log: the build user's alone, its own messages only
def serverLog = new File(basedir, 'target/pmoves/postgres-default.log')
assert serverLog.text.contains('database system is ready to accept connections')
assert !serverLog.text.contains(secret) && !serverLog.text.contains('api_key')
assert Files.getPosixFilePermissions(serverLog.toPath()).collect { it.toString() }.sort() == ['OWNER_READ', 'OWNER_WRITE']
true
