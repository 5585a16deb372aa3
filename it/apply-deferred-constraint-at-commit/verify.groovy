def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The first file is applied; the second is rolled back whole (its table too), the third never ran
assert db.column("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version") == ['20250101000000']
assert db.tableExists('public.authors')
assert !db.tableExists('public.books') && !db.tableExists('public.reviews')

// The failure is the commit's, with the row the server names and the way to find the statement
assert log.contains('20250102000000_books.sql, when its transaction committed after its last statement: ERROR 23503:')
assert log.contains('Detail: Key (author_id)=(42) is not present in table "authors".')
assert log.contains('SET CONSTRAINTS ALL IMMEDIATE')
assert log.contains('Migration 20250102000000_books.sql was rolled back: none of it is applied, and nothing after it ran.')
// ... not the history row's, which went to the server with it
assert !log.contains('Cannot record')
true
