// A fresh database, with a column added by hand before the build applies the files
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
db.execute('CREATE TABLE public.orders (id bigint PRIMARY KEY, total numeric(10, 2) NOT NULL, note text)')
true
