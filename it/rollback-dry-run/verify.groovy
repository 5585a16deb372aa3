def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Nothing changed
assert db.value("SELECT count(*) FROM supabase_migrations.schema_migrations") == 4
assert db.tableExists('public.chat_messages')
assert db.tableExists('public.chat_messages_lower_body_idx')
assert log.contains('[1/2] would roll back 20251106_chat_messages_body_search.sql')
assert log.contains('Would roll back 2 migrations; nothing was executed')

// The SQL that would run, newest first
def sql = new File(basedir, 'target/pmoves/rollback-dry-run.sql').text
def index = sql.indexOf('''-- [1/2] undo 20251106_chat_messages_body_search.sql (version 20251106) with rollbacks/20251106_chat_messages_body_search.sql
-- outside a transaction: DROP INDEX CONCURRENTLY at line 1 cannot run in a transaction
DROP INDEX CONCURRENTLY public.chat_messages_lower_body_idx;
DELETE FROM supabase_migrations.schema_migrations WHERE version = '20251106';
''')
def table = sql.indexOf('''-- [2/2] undo 20251105_chat_messages.sql (version 20251105) with rollbacks/20251105_chat_messages.sql
BEGIN;
DROP INDEX public.chat_messages_body_idx;
DROP TABLE public.chat_messages;
DELETE FROM supabase_migrations.schema_migrations WHERE version = '20251105';
COMMIT;
''')
assert index > 0 && table > index : sql
true
