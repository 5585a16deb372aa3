def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }

// Both runs failed with the URL named and what to check
def blackHolePort = (new File(basedir, 'blackhole.properties').text =~ /localhost:(\d+)/)[0][1]
assert errors[0].contains("Cannot connect to jdbc:postgresql://localhost:$blackHolePort/postgres as postgres")
assert errors[1].contains('Cannot connect to jdbc:postgresql://10.255.255.1:5432/postgres as postgres')
assert errors.every { it.contains('and that the server is up') }

// Each gave up after about the 2 s timeout, not the default 10 s, let alone TCP's minutes
def times = (log =~ /Total time:\s+([\d.]+) s/).collect { it[1] as double }
assert times.size() == 2 && times.every { it < 10 }
assert times[0] >= 2
true
