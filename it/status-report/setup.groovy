import java.security.MessageDigest

// A database some runs went through: the history rows are written here, as pmoves:apply would have written them
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
// the dashboard's user, with the password its connection string carries; status reads the history, owned by postgres
db.passwordRole('it_status_report_dashboard', 'Sup4base-Dashboard-Pw')
def sha256 = { String text -> MessageDigest.getInstance('SHA-256').digest(text.getBytes('UTF-8')).encodeHex().toString() }
def file = { String name -> new File(basedir, "supabase/migrations/$name").text.replace('\r\n', '\n') }
db.execute("""CREATE SCHEMA supabase_migrations;
  CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text,
    checksum text, applied_at timestamp, execution_ms integer, applied_by text, state text)""")
def row = { String version, String name, String checksum ->
    db.execute("""INSERT INTO supabase_migrations.schema_migrations (version, name, checksum, applied_at, execution_ms, applied_by, state)
                  VALUES ('$version', '$name', '$checksum', '2025-01-10 12:00:00', 7, 'postgres', 'applied')""")
}
row('20250101000000', 'projects', sha256(file('20250101000000_projects.sql')))          // applied: the file is as it ran
row('20250102000000', 'project_owner', sha256('ALTER TABLE public.projects ADD COLUMN owner uuid;\n'))  // changed
row('20250103000000', 'project_members', sha256('CREATE TABLE public.project_members ();\n'))           // missing: no file
// 20250104000000_project_tags.sql has no row: pending
db.execute("GRANT USAGE ON SCHEMA supabase_migrations TO it_status_report_dashboard")
db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA supabase_migrations TO it_status_report_dashboard")
true
