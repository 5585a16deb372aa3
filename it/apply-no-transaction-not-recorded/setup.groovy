// a login role that owns the project's table and may read the history tables, but lost INSERT on them; and one that
// may write them, for the repair
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir).passwordRole('history_reader', 'history-Reader-pw')
        .passwordRole('history_writer', 'history-Writer-pw')
db.execute("""
    CREATE SCHEMA supabase_migrations;
    CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text,
        checksum text, applied_at timestamp, execution_ms integer, applied_by text, state text);
    CREATE TABLE supabase_migrations.schema_migrations_failed (version text PRIMARY KEY, name text, statements text[],
        checksum text, failed_at timestamp, execution_ms integer, failed_by text);
    GRANT USAGE ON SCHEMA supabase_migrations TO history_reader;
    GRANT SELECT ON ALL TABLES IN SCHEMA supabase_migrations TO history_reader;
    GRANT USAGE ON SCHEMA supabase_migrations TO history_writer;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA supabase_migrations TO history_writer;
    CREATE TABLE public.notes (id bigint, body text);
    ALTER TABLE public.notes OWNER TO history_reader;
    GRANT CREATE ON SCHEMA public TO history_reader;
""")
true
