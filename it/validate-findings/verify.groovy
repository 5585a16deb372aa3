def log = new File(basedir, 'build.log').text

// Grouped by rule: id, severity and why once, then file:line:column and what, then the fix
assert log.contains('[ERROR] file-name (error): pmoves:apply refuses to run while such a file is in the migrations directory')
assert log.contains("[ERROR]   supabase/migrations/add_model_registry.sql  Migration file name 'add_model_registry.sql' fits none of the accepted forms\n")
assert log.contains('[ERROR]   fix: rename it to YYYYMMDDhhmmss_description.sql, YYYYMMDD_description.sql or YYYY-MM-DD_description.sql')
assert log.contains('[ERROR] uuid-ossp (error): uuid-ossp needs pg_read_file, which hardened PostgreSQL refuses')
assert log.contains('[ERROR]   supabase/initdb/01_history.sql:2:1  CREATE EXTENSION "uuid-ossp"')
assert log.contains('[ERROR]   supabase/migrations/2025-09-08_geometry_bus.sql:4:31  uuid_generate_v4() comes from the uuid-ossp extension')
assert log.contains('[ERROR]   db/v5_12_seed.sql:3:10  uuid_generate_v4() comes from the uuid-ossp extension')
assert log.contains('[ERROR]   fix: use gen_random_uuid(), built into PostgreSQL 13 and later')
assert log.contains('[WARNING]   supabase/migrations/20250908_geometry_bus.sql  same day and description as 2025-09-08_geometry_bus.sql, in another name form')
assert log.contains('[WARNING]   supabase/migrations/2025-09-08_geometry_bus.sql:2:1  CREATE SCHEMA auth without IF NOT EXISTS')
assert log.contains('[WARNING]   supabase/migrations/20251105_chat_messages.sql:3:1  CREATE POLICY chat_read ON public.chat_messages with no DROP POLICY IF EXISTS before it')
assert log.contains('[WARNING]   supabase/migrations/2025-09-08_geometry_bus.sql:7:28  row level security is enabled on public.anchors, and no file creates a policy on it')
assert log.contains('[WARNING]   supabase/migrations/20251105_chat_messages.sql:3:1  CREATE POLICY names authenticated, and no file creates that role nor does the build prepare them')
assert log.contains('[WARNING]   supabase/initdb/01_history.sql:1:94  a timestamptz column on public.schema_migrations')
assert log.contains('[WARNING]   supabase/migrations/20251105_chat_messages.sql:2:1  CREATE INDEX CONCURRENTLY cannot run in a transaction, and the file holds 3 other statements')
assert log.contains('[INFO] 4 errors, 8 warnings.')
assert log.contains('pmoves:validate found 4 error(s) and 8 warning(s) (failOn=error)')

// The same findings, for tools
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/validate.json'))
assert json.summary == [errors: 4, warnings: 8]
assert json.findings*.rule as Set == ['file-name', 'same-day-forms', 'uuid-ossp', 'if-not-exists', 'drop-policy-first',
                                     'rls-without-policy', 'supabase-roles', 'history-timestamptz', 'mixed-transaction'] as Set
// Only the uuid_generate_v4() calls that run are findings: not the comment (line 1) nor the string (line 5)
assert json.findings.findAll { it.rule == 'uuid-ossp' && it.file.endsWith('geometry_bus.sql') }*.line == [4]
true
