// A fresh, empty database for this IT
ai.pmoves.it.ItDatabase.create(itPort, basedir)

// Names that would forge a log line if printed raw: a line break, a carriage return, an escape sequence that erases
// the line it is on
def write = { String dir, String name, String sql ->
    def directory = new File(basedir, dir)
    directory.mkdirs()
    new File(directory, name).text = sql
}
write('supabase/migrations', '20250101000000_notes\n[ERROR] forged by a migration name.sql', 'CREATE TABLE public.never (id int);\n')
write('db', '01_notes\n[ERROR] forged by a seed name\u001b[2K.sql', 'CREATE TABLE public.seeded (id int);\n')
write('db-failing', '01_broken\r[ERROR] forged by a failing seed.sql', 'SELECT * FROM nope;\n')
true
