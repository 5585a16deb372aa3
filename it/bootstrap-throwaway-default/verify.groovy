def log = new File(basedir, 'build.log').text

// engine unset is auto: no server here has both pg_cron and pg_net, so the embedded one, with stand-ins
assert log =~ /engine=auto chose embedded: the files create pg_cron, pg_net, which the embedded server lacks, .*: the embedded server, with the Supabase stand-ins for what they cover\./

// start ran a throwaway server, so the unset supabaseCompat acted as emulate there
assert log =~ /Started embedded PostgreSQL 17\.6\.0 on port \d+ \(instance default\)/
assert log.contains('supabaseCompat=emulate: the server was started by pmoves:start, a throwaway')
assert log =~ /\[INFO\] Supabase preparation \(emulate\): created .*; stand-ins: net, /
assert log.contains('Supabase stand-in: create extension if not exists pg_cron — the server has no pg_cron')

// every migration and the seed ran; status saw them before stop
assert log =~ /Bootstrap done in \d+ ms: prepared \d+ created, 0 repaired, \d+ present; init scripts 0 ran, 0 unchanged; migrations 2 applied, 0 already applied; seeds 1 ran, 0 unchanged\./
assert log.contains('2 migrations: 2 applied, 0 pending')
assert log.indexOf('Stopped embedded PostgreSQL 17.6.0 (instance default).') > log.indexOf('Bootstrap done')
true
