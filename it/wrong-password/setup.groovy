// A login role whose password the server checks (the IT server trusts every other local connection)
ai.pmoves.it.ItDatabase.create(itPort, basedir)
ai.pmoves.it.ItDatabase.passwordRole(itPort, 'it_wrong_password_deployer', 'correct-horse-battery-staple')
true
