def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Each kind of file took the values; ':greeting' in a string and in a dollar body stayed as written; slices and casts too
assert db.column('SELECT body || \'|\' || tenant FROM "tenant data".notes ORDER BY body') ==
        [':greeting|acme', 'from the seed for acme|acme', "it's here|acme"]
assert db.value('SELECT array_to_string(tags, \',\') FROM "tenant data".notes WHERE tags IS NOT NULL') == 'a,b,c,d'
assert db.value('SELECT "tenant data".greet()') == ':greeting'
assert db.value("SELECT obj_description('\"tenant data\".greet'::regproc, 'pg_proc')") == "it's here"

// The down script ran with them too: the newest migration's table is gone, the older one's is there
assert db.value("SELECT to_regclass('\"tenant data\".audit')") == null
assert db.value("SELECT to_regclass('\"tenant data\".notes')") != null

// validate warned about the undefined one, at its place; the secret value is in no log line
assert log.contains("supabase/rollbacks/20250101000000_notes.sql:1:48")
assert log.contains("variable :'region' is not defined")
assert !log.contains('Pw-3xq9-never-shown')

// The secret from settings.xml reached the seed, and no log line
assert db.value("SELECT obj_description('\"tenant data\".notes'::regclass, 'pg_class')") == 'Settings-Secret-5kq-never-shown'
assert !log.contains('Settings-Secret-5kq-never-shown')
true
