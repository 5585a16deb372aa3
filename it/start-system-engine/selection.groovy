// a PostgreSQL with pg_cron installed here (CI installs it); elsewhere the IT is skipped, as the system engine's tests are
def controls = new File('/usr/share/postgresql').listFiles()?.collect { new File(it, 'extension/pg_cron.control') } ?: []
return controls.any { it.exists() }
