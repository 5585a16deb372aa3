def log = new File(basedir, 'build.log').text

// the choice, and why, in one line: the files create pg_cron, the tests need pgTAP, the installed PostgreSQL has both
def chose = (log =~ /\[INFO\] engine=auto chose system: the files create pg_cron, pgtap, which the embedded server lacks and PostgreSQL (\d+)\.\d+ in (\S+) has\./)
assert chose.find()
assert log =~ /Started system PostgreSQL ${chose.group(1)}\.\d+ \(${java.util.regex.Pattern.quote(chose.group(2))}\) on port \d+/

// the real pg_cron took the schedule, and the pgTAP test saw it
assert log.contains('Applied 1 migration')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')
assert log.indexOf('Stopped system PostgreSQL') > log.indexOf('Tests run: 2')
true
