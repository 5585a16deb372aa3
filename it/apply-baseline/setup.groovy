// The database as the Makefile's psql loop left it: the objects of the first two files, no history
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
db.execute("CREATE TABLE public.agents (id bigint PRIMARY KEY, name text NOT NULL)")
db.execute("CREATE INDEX agents_name_idx ON public.agents (name)")
db.execute("INSERT INTO public.agents VALUES (1, 'agent-zero')")
true
