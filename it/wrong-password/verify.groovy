def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }

// Run 1 says what failed, where and as whom, and what to check
assert errors[0].contains("Cannot connect to jdbc:postgresql://localhost:${itPort}/it_wrong_password as it_wrong_password_deployer")
assert errors[0].contains('password authentication failed for user "it_wrong_password_deployer"') && errors[0].contains('28P01')
assert errors[0].contains('Check pmoves.url, pmoves.user and pmoves.password')

// Run 2 shows the URL with its password masked
assert errors[1].contains('Cannot connect to jdbc:postgresql://localhost:PGPORT/it_wrong_password?password=****')

// No password in any line of the log, stack traces included; nothing applied
assert !log.contains('Tr0ub4dor')
assert !db.tableExists('public.vault')
true
