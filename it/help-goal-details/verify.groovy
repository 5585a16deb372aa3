// the help wraps its text at 80 columns: read it as one line
def log = new File(basedir, 'build.log').text.replaceAll(/\s+/, ' ')

// Every goal is listed, help included
['apply', 'bootstrap', 'help', 'new', 'plan', 'repair', 'rollback', 'seed', 'start', 'status', 'stop', 'test', 'validate'].each {
    assert log.contains("pmoves:$it"), "pmoves:$it is not in the help"
}

// The parameters whose text used to lose words
assert log.contains('The id of a server entry in settings.xml whose username and password are used')
assert log.contains('Default: supabase/rollbacks in the project directory')
assert log.contains('Default: supabase/initdb in the project directory')
assert log.contains('Default: db in the project directory')
assert log.contains('supabase/migrations/TIMESTAMP_NAME.sql')
assert log.contains('Default: supabase/tests in the project directory')
assert log.contains('attached to the project (type json, classifier pmoves-plan)')

// and nothing is garbled
assert !log.contains('The id of a in settings.xml')
assert !log.contains('${project.basedir/')
assert !log.contains('migrations/_.sql')
assert !(log =~ /\{@code/)
true
