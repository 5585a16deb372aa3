def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Everything ran exactly once, though the build ran twice
assert db.value("SELECT count(*) FROM pmoves_core.boards") == 1
assert db.value("SELECT count(*) FROM public.anchors") == 1
assert db.column("SELECT name FROM pmoves_core.service_catalog ORDER BY 1") == ['agent-zero', 'archon']
assert !db.tableExists('pmoves_core.must_not_exist')
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY 1") ==
        ['2025-09-08_geometry_bus', '20250115000000']
assert db.column("SELECT path FROM supabase_migrations.seed_files ORDER BY 1") ==
        ['db/v5_12_seed.sql', 'db/v5_14_seed_standard_personas.sql',
         'supabase/initdb/02_seed.sql', 'supabase/initdb/10_archon_prompts_seed.sql']

// What the preparation gave a plain PostgreSQL
assert db.value("SELECT string_agg(tablename, ',') FROM pg_publication_tables WHERE pubname = 'supabase_realtime'") == 'anchors'
// The files grant SELECT on pmoves_core.service_catalog but never USAGE on pmoves_core: Supabase does not grant it
// either, so the plugin leaves it to the project (grantSchemaUsage=true would hide the gap)
assert db.value("SELECT has_schema_privilege('authenticated', 'pmoves_core', 'USAGE')") == false
assert db.value("SELECT has_schema_privilege('authenticated', 'public', 'USAGE')") == true

// One line for the preparation, the items at debug level and in preparation.json; one line again on the second build
assert log =~ /\[INFO\] Supabase preparation \(auto\): created (\d+ roles, )?4 schemas, 2 extensions, \d+ tables and functions, \d+ grants, 1 setting[;.]/
assert log =~ /\[INFO\] Supabase preparation \(auto\): all \d+ present\./
assert !log.contains('Supabase preparation: function auth.uid()')
def prepared = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/preparation.json'))
assert prepared.mode == 'auto'
assert prepared.items.find { it.what == 'function auth.uid()' }.outcome == 'present'

// First build: the whole tree; second build: nothing
assert log =~ /Bootstrap done in \d+ ms: prepared \d+ created, 0 repaired, \d+ present; init scripts 2 ran, 0 unchanged; migrations 2 applied, 0 already applied; seeds 2 ran, 0 unchanged\./
assert log =~ /Bootstrap done in \d+ ms: prepared 0 created, 0 repaired, \d+ present; init scripts 0 ran, 2 unchanged; migrations 0 applied, 2 already applied; seeds 0 ran, 2 unchanged\./
true
