// The database as the release finds it: orders exists, and a report holds it, idle in its transaction
ai.pmoves.it.ItDatabase.create(itPort, basedir)
        .execute("CREATE TABLE public.orders (id int PRIMARY KEY); INSERT INTO public.orders VALUES (1)")
ai.pmoves.it.ItDatabase.of(itPort, basedir).hold('nightly-report', 'SELECT count(*) FROM public.orders', null)
true
