def log = new File(basedir, 'build.log').text
assert log =~ /Started embedded PostgreSQL 15\.19\.0 on port \d+/
assert log.contains('(PostgreSQL 15.')
assert log.contains('Applied 1 migration ')
assert log.contains('Stopped embedded PostgreSQL 15.19.0')
true
