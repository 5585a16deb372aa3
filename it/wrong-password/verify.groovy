def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }

// Run 1 says what failed, where and as whom, and what to check
assert errors[0].contains("Cannot connect to jdbc:postgresql://localhost:${itPort}/it_wrong_password as it_wrong_password_deployer")
assert errors[0].contains('password authentication failed for user "it_wrong_password_deployer"') && errors[0].contains('28P01')
assert errors[0].contains('Check pmoves.url, pmoves.user and pmoves.password')

// Run 2 shows the URL with its password masked
assert errors[1].contains('Cannot connect to jdbc:postgresql://localhost:PGPORT/it_wrong_password?password=****')

// Runs 3 and 4: a user-info the plugin cannot read is refused before anything connects, its password masked and the
// user kept, with how to write it
def userInfo = 'pmoves.url \'%s://it_wrong_password_deployer:****@localhost:5432/it_wrong_password\' has a user name or' +
        ' password before the host'
assert errors[2].contains(String.format(userInfo, 'postgresql') + ' that is not percent-encoded: write / as %2F, @ as %40')
assert errors[3].contains(String.format(userInfo, 'jdbc:postgresql') + ', which a jdbc:postgresql: URL cannot hold')
assert errors[2..3].every { it.contains('or give them as pmoves.user and pmoves.password (or serverId).') }

// No password in any line of the log, stack traces included; nothing applied
assert !log.contains('Tr0ub4dor')
assert !db.tableExists('public.vault')
true
