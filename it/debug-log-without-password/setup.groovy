// A login role whose password the server checks (the IT server trusts every other local connection)
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
ai.pmoves.it.ItDatabase.passwordRole(itPort, 'it_debug_log_deployer', 'Debug-Log-Secret-4w')
db.execute('GRANT CREATE ON SCHEMA public TO it_debug_log_deployer')
db.execute('GRANT CREATE ON DATABASE it_debug_log_without_password TO it_debug_log_deployer')
true
