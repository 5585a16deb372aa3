def log = new File(basedir, 'build.log').text

// each module started its own server under the default instance, and none saw the other's as its own
def ports = (log =~ /Started embedded PostgreSQL 17\.6\.0 on port (\d+) \(instance default\)/).collect { it[1] as int }
assert ports.size() == 2 && ports[0] != ports[1]: "two servers, one per module: ${ports}"
assert !log.contains('already running'): 'one start took the other module\'s server for its own'
assert !log.contains('nothing to stop'): 'a stop found its server gone: the other module\'s stop took it'

// both bootstraps ran to the end on their own server, then each stop stopped exactly one server
assert (log =~ /migrations 1 applied, 0 already applied/).size() == 2: 'a bootstrap did not finish'
assert (log =~ /Stopped embedded PostgreSQL 17\.6\.0 \(instance default\)\./).size() == 2: 'a stop did not stop its server'
assert log.contains('BUILD SUCCESS'): 'the build failed'

// and nothing listens any more: no server was left for Maven's exit
ports.each { port ->
    try {
        new Socket('127.0.0.1', port).close()
        assert false: "a server still listens on port ${port}"
    } catch (ConnectException expected) {
    }
}
true
