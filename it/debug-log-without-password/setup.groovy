// A login role of the IT's own, with the password the run gives on the command line
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir).passwordRole('it_debug_log_deployer', 'Debug-Log-Secret-4w')
db.execute('GRANT CREATE ON SCHEMA public TO it_debug_log_deployer')
db.execute('GRANT CREATE ON DATABASE it_debug_log_without_password TO it_debug_log_deployer')
true
