def log = new File(basedir, 'build.log').text

// Both runs read the one migration with the rule turned off, so its CREATE TABLE without IF NOT EXISTS is no finding
assert log.count('(turned off: if-not-exists)') == 2
assert !log.contains('if-not-exists (warning')
// Only the command line's old name is warned about
assert log.count('-Dpmoves.rules is now -Dpmoves.skipRules') == 1
true
