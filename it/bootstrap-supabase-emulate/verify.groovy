def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The project's files ran as written: the trigger's posts were recorded, not sent; the job was kept, not run
assert db.column("SELECT url FROM net.http_request_queue ORDER BY id") ==
        ['http://mailer.internal:8025/confirm', 'http://mailer.internal:8025/confirm']
assert db.column("SELECT jobname || ' ' || schedule FROM cron.job") == ['weekly-digest 0 8 * * 1']
assert db.value("SELECT count(*) FROM auth.identities") == 1
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") ==
        ['20240701000000', '20240801000000']
// The dump's pgjwt is pmoves' own and works; pg_graphql answers that it is stood in
assert db.value("SELECT valid AND payload ->> 'email' = 'reader@example.test' FROM extensions.verify("
        + "public.unsubscribe_token('reader@example.test'), 'it-only-signing-key')") == true
assert db.value("SELECT graphql_public.graphql(query := '{ __typename }') -> 'errors' -> 0 ->> 'message'") ==
        'not resolved: pmoves stand-in for pg_graphql'

// The preparation's one line names the stand-ins; the file's CREATE EXTENSION is answered by one, and says so
assert log =~ /\[INFO\] Supabase preparation \(emulate\): created .*; stand-ins: net, cron, vault, /
assert log.contains('Supabase stand-in: create extension if not exists pg_cron — the server has no pg_cron')
assert log.contains('Supabase stand-in: CREATE EXTENSION IF NOT EXISTS "pgjwt" WITH SCHEMA "extensions" — the server'
        + ' has no pgjwt, so the statement runs as nothing: in its place is pmoves\' own pgjwt')
assert log.contains('Supabase stand-in: CREATE EXTENSION IF NOT EXISTS "pgsodium" WITH SCHEMA "pgsodium" — ')

// The second build: everything in place, nothing applied; preparation.json lists every item
assert log =~ /\[INFO\] Supabase preparation \(emulate\): all \d+ present\./
def prepared = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/preparation.json'))
assert prepared.items*.what.containsAll(['stand-in net (for pg_net)', 'stand-in cron (for pg_cron)',
        'pgjwt in schema extensions, by pmoves (for pgjwt)'])
assert log =~ /Bootstrap done in \d+ ms: prepared 0 created, 0 repaired, \d+ present; init scripts 0 ran, 0 unchanged; migrations 0 applied, 2 already applied; seeds 0 ran, 1 unchanged\./
true
