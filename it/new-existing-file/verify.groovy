def log = new File(basedir, 'build.log').text
def migrations = new File(basedir, 'supabase/migrations')

// The existing file is named in the error and keeps its content
assert log.contains('20250115000000_add_feature_x.sql already exists; pmoves:new never overwrites a file.')
assert new File(migrations, '20250115000000_add_feature_x.sql').text.startsWith('-- written by hand')

// A name that would leave the directory is refused with the reason, and nothing is written
assert log.contains("The migration name '../escape' (pmoves.name) cannot be used: '.' cannot be part of a migration file name")
assert migrations.list() as List == ['20250115000000_add_feature_x.sql']
assert !new File(basedir, 'supabase/rollbacks').exists()
true
