// a PostgreSQL with pg_cron and pgTAP installed here (CI installs them); elsewhere the IT is skipped, as the system
// engine's tests are
def versions = new File('/usr/share/postgresql').listFiles() ?: []
return versions.any { new File(it, 'extension/pg_cron.control').exists() && new File(it, 'extension/pgtap.control').exists() }
