// A fresh database on a server that has pgTAP (copied from this machine's package); the database has not created it
ai.pmoves.it.ItDatabase.create(itPort, basedir).withPgTap()
true
