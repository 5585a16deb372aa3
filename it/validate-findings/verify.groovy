def log = new File(basedir, 'build.log').text

// Grouped by rule, errors first: id, severity, count and why once, then file:line:column and what, then the fix
assert log.contains('[ERROR] duplicate-version (error, 1 finding): pmoves:apply refuses to run while two migrations share a version, the history key')
assert log.contains('[ERROR]   supabase/migrations/20251105_chat_messages.sql  has the same version 20251105 as 20251105_chat_audit.sql')
// A name apply skips, as the Supabase CLI skips it: a warning that says which name would run
assert log.contains("[WARNING] file-name (warning, 1 finding): the file never runs: pmoves:apply skips it, as the Supabase CLI does")
assert log.contains("[WARNING]   supabase/migrations/add_model_registry.sql  'add_model_registry.sql' is not a migration's name, so it is skipped\n")
assert log.contains('[WARNING]       fix: rename it to YYYYMMDDhhmmss_add_model_registry.sql to run it')
// uuid-ossp works wherever the extension is installed: a warning, with the guide's reason
assert log.contains('[WARNING] uuid-ossp (warning, 3 findings): the migrations guide asks for gen_random_uuid()')
assert log.indexOf('[WARNING] uuid-ossp') > log.indexOf('[ERROR] duplicate-version')
assert log.contains('[WARNING]   supabase/initdb/01_history.sql:2:1  CREATE EXTENSION "uuid-ossp"')
assert log.contains('[WARNING]   supabase/migrations/2025-09-08_geometry_bus.sql:4:31  uuid_generate_v4() comes from the uuid-ossp extension')
assert log.contains('[WARNING]   db/v5_12_seed.sql:3:10  uuid_generate_v4() comes from the uuid-ossp extension')
assert log.contains('[WARNING]   fix: use gen_random_uuid(), built into PostgreSQL 13 and later')
assert log.contains('[WARNING]   supabase/migrations/20250908_geometry_bus.sql  same day and description as 2025-09-08_geometry_bus.sql, in another name form')
assert log.contains('[WARNING]   supabase/migrations/2025-09-08_geometry_bus.sql:2:1  CREATE SCHEMA auth without IF NOT EXISTS')
assert log.contains('[WARNING]   supabase/migrations/20251105_chat_messages.sql:3:1  CREATE POLICY chat_read ON public.chat_messages with no DROP POLICY IF EXISTS before it')
assert log.contains('[WARNING]   supabase/migrations/2025-09-08_geometry_bus.sql:7:28  row level security is enabled on public.anchors, and no file creates a policy on it')
assert log.contains('[WARNING]   supabase/migrations/20251105_chat_messages.sql:3:1  CREATE POLICY names authenticated, and no file creates that role nor does the build prepare them')
assert log.contains('[WARNING]   supabase/initdb/01_history.sql:1:94  a timestamptz column on public.schema_migrations')
assert log.contains('[WARNING]   supabase/migrations/20251105_chat_messages.sql:2:1  CREATE INDEX CONCURRENTLY cannot run in a transaction, and the file holds 3 other statements')
assert log =~ /\[INFO\] 1 error, 12 warnings \(file-name 1, same-day-forms 1, uuid-ossp 3, if-not-exists 1, .*\)\./
assert log.contains('pmoves:validate found 1 error and 12 warnings (failOn=error)')

// The same findings, for tools
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/validate.json'))
assert json.summary == [errors: 1, warnings: 12]
assert json.findings*.rule as Set == ['duplicate-version', 'file-name', 'same-day-forms', 'uuid-ossp', 'if-not-exists', 'drop-policy-first',
                                     'rls-without-policy', 'supabase-roles', 'history-timestamptz', 'mixed-transaction'] as Set
// Only the uuid_generate_v4() calls that run are findings: not the comment (line 1) nor the string (line 5)
assert json.findings.findAll { it.rule == 'uuid-ossp' && it.file.endsWith('geometry_bus.sql') }*.line == [4]
true
