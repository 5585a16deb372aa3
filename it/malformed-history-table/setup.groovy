// A table the injected DROP would remove
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
db.execute("CREATE TABLE public.keep_me (id int)")
true
