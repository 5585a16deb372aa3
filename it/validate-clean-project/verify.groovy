def log = new File(basedir, 'build.log').text

// Every kind of file was read, and none has a finding, though failOn=warning
assert log.contains('[INFO] Validated 5 SQL files (1 init script, 1 migration, 1 definition, 1 seed, 1 down script) with 21 rules.')
assert log.contains('[INFO] No findings.')
assert !log.contains('[WARNING]') && !log.contains('[ERROR]')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/validate.json'))
assert json.files == [migrations: 1, definitions: 1, init: 1, seeds: 1, rollbacks: 1]
assert json.findings == []
assert json.summary == [errors: 0, warnings: 0]
true
