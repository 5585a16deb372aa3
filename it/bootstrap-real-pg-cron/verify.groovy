def log = new File(basedir, 'build.log').text

assert log =~ /engine=auto chose system: the files create pg_cron, pgtap, which the embedded server lacks and PostgreSQL \d+\.\d+ in \S+ has\./

// bootstrap prepared the throwaway server for Supabase's files, but made no stand-in for pg_cron
assert log.contains('supabaseCompat=emulate: the server was started by pmoves:start, a throwaway')
assert !log.contains('stand-in cron (for pg_cron): created')
assert !log.contains('Supabase stand-in: create extension if not exists pg_cron')
assert log =~ /migrations 2 applied, 0 already applied/

// the pgTAP file checked the database itself: the extension, its launcher and the job are pg_cron's own
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert log.indexOf('Stopped system PostgreSQL') > log.indexOf('Tests run: 3')
true
