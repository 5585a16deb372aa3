def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Init scripts, then db/ seeds, each in natural order; the grants file is excluded
def order = ['supabase/initdb/02_seed.sql', 'supabase/initdb/06_media_analysis.sql',
             'supabase/initdb/10_archon_prompts_seed.sql', 'db/v5_9_personas_table.sql', 'db/v5_12_seed.sql',
             'db/v5_14_seed_standard_personas.sql']
order.eachWithIndex { path, i -> assert log.contains("[${i + 1}/6] ${path} … ran, ") }
assert !log.contains('grants')
assert log.contains('Seeded 6 files (0 unchanged)')

// Each file is recorded with its path from the project directory, its hash, when it ran and how long it took
def rows = db.rows("SELECT path, hash, applied_at, execution_ms FROM supabase_migrations.seed_files")
assert rows*.path as Set == order as Set
assert rows.every { it.hash ==~ /[0-9a-f]{64}/ && it.applied_at != null && it.execution_ms >= 0 }

// The data is there
assert db.value("SELECT count(*) FROM pmoves_core.personas") == 6
assert db.value("SELECT body FROM pmoves_core.prompts") == 'Plan the work; then do it.'
assert db.value("SELECT settings->>'whisper' FROM public.media_analysis_presets WHERE name = 'fast'") == 'tiny'
true
