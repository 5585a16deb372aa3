// A fresh, empty database for this IT
ai.pmoves.it.ItDatabase.create(itPort, basedir)
true
