def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
// as GoTrue leaves it
db.execute("CREATE TABLE public.schema_migrations (version varchar(255) PRIMARY KEY)")
db.execute("INSERT INTO public.schema_migrations VALUES ('20210710035447'), ('20221208132122')")
true
