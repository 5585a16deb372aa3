// orders exists, and a report holds it until the migration's first try has given up waiting
ai.pmoves.it.ItDatabase.create(itPort, basedir)
        .execute("CREATE TABLE public.orders (id int PRIMARY KEY); INSERT INTO public.orders VALUES (1)")
ai.pmoves.it.ItDatabase.of(itPort, basedir).hold('nightly-report', 'SELECT count(*) FROM public.orders', 'public.orders')
true
