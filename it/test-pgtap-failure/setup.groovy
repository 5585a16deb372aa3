// A fresh database that has created pgTAP itself (so the run neither creates nor drops it)
ai.pmoves.it.ItDatabase.create(itPort, basedir).withPgTap().execute('CREATE EXTENSION pgtap')
true
