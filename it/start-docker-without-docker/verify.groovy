def log = new File(basedir, 'build.log').text
assert log.contains('engine=docker, but no Docker engine answers here')
assert log.contains('Use engine=embedded (-Dpmoves.engine=embedded)')
true
