// The state a few bad days leave behind
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
db.execute('''
CREATE SCHEMA supabase_migrations;
CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text,
  checksum text, applied_at timestamp, execution_ms integer, applied_by text, state text);
CREATE TABLE a (id int);
CREATE TABLE c (id int);
INSERT INTO supabase_migrations.schema_migrations (version, name, checksum, state) VALUES
  ('20241201', 'dropped_experiment', NULL, 'applied'),
  ('20250101', 'a', 'the-checksum-before-a-comment-was-added', 'applied'),
  ('20250103', 'b', NULL, 'failed');
''')
true
