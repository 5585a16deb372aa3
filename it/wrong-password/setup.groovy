// A login role of the IT's own, with the password the server checks
ai.pmoves.it.ItDatabase.create(itPort, basedir).passwordRole('it_wrong_password_deployer', 'correct-horse-battery-staple')
true
