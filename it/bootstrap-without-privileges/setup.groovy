def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
// a login role that owns nothing and may create neither roles nor schemas
db.passwordRole('app_owner', 'app-pw')
db.execute("ALTER ROLE app_owner NOCREATEROLE NOCREATEDB")
db.execute("REVOKE CREATE ON DATABASE it_bootstrap_without_privileges FROM PUBLIC, app_owner")
true
