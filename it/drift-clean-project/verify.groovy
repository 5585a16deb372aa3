def log = new File(basedir, 'build.log').text

// One line says there is no drift, and names what was compared
assert log =~ /No drift: the schema of jdbc:postgresql:\/\/localhost:\d+\/it_drift_clean_project is the one the files make \(\d+ objects/
assert !log.contains('added ') && !log.contains('changed ') && !log.contains('removed ')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pmoves/drift.json'))
assert report.drift == [] && report.summary.total == 0 && !report.summary.drift
assert report.summary.expectedFingerprint == report.summary.actualFingerprint
true
