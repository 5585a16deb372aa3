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

// One line per stand-in, saying what it does not do; the file's CREATE EXTENSION is answered by it
assert log.contains('Supabase preparation: stand-in net (for pg_net): created — ')
assert log.contains('nothing is sent')
assert log.contains('Supabase preparation: stand-in cron (for pg_cron): created — ')
assert log.contains('Supabase preparation: stand-in vault (for supabase_vault): created — ')
assert log.contains('not encrypted')
assert log.contains('Supabase stand-in: create extension if not exists pg_cron — the server has no pg_cron')
assert log.contains('Supabase preparation: pgjwt in schema extensions, by pmoves (for pgjwt): created — ')
assert log.contains('Supabase stand-in: CREATE EXTENSION IF NOT EXISTS "pgjwt" WITH SCHEMA "extensions" — the server'
        + ' has no pgjwt, so the statement runs as nothing: in its place is pmoves\' own pgjwt')
assert log.contains('Supabase stand-in: CREATE EXTENSION IF NOT EXISTS "pgsodium" WITH SCHEMA "pgsodium" — ')

// The second build: everything in place, nothing applied
assert log =~ /Bootstrap done in \d+ ms: prepared 0 created, 0 repaired, \d+ present; init scripts 0 ran, 0 unchanged; migrations 0 applied, 2 already applied; seeds 0 ran, 1 unchanged\./
true
