def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The typo is named, with a version to copy; the valid one before it was not recorded either
assert log.contains("markApplied '2025115' matches no migration file and no row of supabase_migrations.schema_migrations."
        + " Use a version as pmoves:status lists it, e.g. 20250115.")
assert !db.tableExists('supabase_migrations.schema_migrations')

// Without an action, repair lists them
assert log.contains('Nothing to repair was asked: give -Dpmoves.markApplied=<version>, -Dpmoves.markReverted=<version>,'
        + ' -Dpmoves.realign=true or -Dpmoves.clearFailed=true|<version>')
true
