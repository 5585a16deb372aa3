def log = new File(basedir, 'build.log').text

// Each hand change is one line of the log
assert log.contains('added table public.hotfix_log: none → kind ordinary')
assert log.contains('changed column public.notes.created_at: default none → now()')
assert log.contains('changed grant table public.notes to drift_it_reader: privileges INSERT, SELECT → SELECT')

// The build failed, counting them and saying what to do
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains('Drift: 4 differences between') && error.contains('into a migration')

// drift.json lists the same, for a pipeline to read
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/drift.json'))
assert report.summary.total == 4 && report.summary.added == 2 && report.summary.changed == 2
def table = report.drift.find { it.object == 'public.hotfix_log' }
assert table.kind == 'table' && table.change == 'added' && table.expected == null
def column = report.drift.find { it.object == 'public.notes.created_at' }
assert column.change == 'changed' && column.expected.contains('default: none') && column.actual.contains('default: now()')
def grant = report.drift.find { it.kind == 'grant' }
assert grant.object == 'table public.notes to drift_it_reader' && grant.actual == 'privileges: SELECT'
true
