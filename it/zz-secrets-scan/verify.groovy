import groovy.io.FileType

// The passwords the other ITs hand the plugin, from their pom.xml and invoker.properties
def itRoot = basedir.parentFile
def secrets = [] as Set
itRoot.eachDir { dir ->
    if (dir == basedir) return
    ['pom.xml', 'invoker.properties'].collect { new File(dir, it) }.findAll { it.exists() }.each { f ->
        def text = f.text
        (text =~ /<pmoves\.password>([^<]+)<\/pmoves\.password>/).each { secrets << it[1] }
        (text =~ /-Dpmoves\.password=(\S+)/).each { secrets << it[1] }
        // in a URL: postgresql://user:PASSWORD@host/db or ...?password=PASSWORD
        (text =~ /(?:<pmoves\.url>|-Dpmoves\.url=)[^<\s]*?:\/\/[^:\/@<\s]+:([^@<\s]+)@/).each { secrets << it[1] }
        (text =~ /(?:<pmoves\.url>|-Dpmoves\.url=)[^<\s]*?[?&]password=([^&<\s]+)/).each { secrets << it[1] }
    }
}
// the server passwords of the ITs' settings.xml, which it/variables-in-files hands its files (secretVariables)
def itSettings = new File(basedir, '../../../it/settings.xml').canonicalFile
assert itSettings.exists() : "no it/settings.xml at ${itSettings}"
(itSettings.text =~ /<password>([^<]+)<\/password>/).each { secrets << it[1] }
// 'postgres' is also every IT's user and the embedded server's name: not a secret that can be told apart here
secrets.remove('postgres')
assert !secrets.isEmpty() : "no IT with a password ran before this one: run it with the others (mvn verify)"

// The passwords the unit, engine and mojo tests use, from their sources, for the surefire reports of this build
def project = itRoot.parentFile.parentFile // target/it -> the project
def testSecrets = [] as Set
new File(project, 'src/test/java').eachFileRecurse(FileType.FILES) { f ->
    if (!f.name.endsWith('.java')) return
    def text = f.text
    [/passwordRole\([^,()]+,\s*"([^"\s]+)"\)/, /(?i)password\s*=\s*"([^"\s]+)"/, /encryptAndDecorate\("([^"\s]+)"/,
     /"PGPASSWORD",\s*"([^"\s]+)"/, /[?&]password=([^&"\s]+)/].each { re -> (text =~ re).each { testSecrets << it[1] } }
}
// too short or too common to tell apart from other words (the 'postgres' superuser, 'pw'), or already masked
testSecrets.removeAll { it.length() < 6 || it == 'postgres' || it.contains('*') }
assert !testSecrets.isEmpty() : "no test password found in src/test/java: the patterns above are out of date"
secrets.addAll(testSecrets)

// The IT server's own password, made when it started (ItDatabase), which the ITs' builds read through PGPASSFILE
def pgpass = new File(itRoot, 'it-server.pgpass')
assert pgpass.exists() : "no ${pgpass}: the IT server writes it when it starts"
secrets << pgpass.text.trim().tokenize(':').last()

// Every file the ITs and the tests leave under target/: logs, reports, dry runs, the servers' own logs. Not the
// sources the ITs were cloned from, the compiled tests, the repositories, nor the password file itself.
def skippedDirs = ['classes', 'test-classes', 'local-repo', 'supabase-cli', 'generated-sources', 'generated-test-sources',
                   'maven-status', 'maven-archiver', 'javadoc-bundle-options', 'apidocs', 'site', 'surefire']
def target = new File(project, 'target')
def scanned = []
target.traverse(type: FileType.FILES, preDir: { if (it.parentFile == target && it.name in skippedDirs) return groovy.io.FileVisitResult.SKIP_SUBTREE }) { f ->
    def path = f.path.replace('\\', '/')
    if (f == pgpass || path.startsWith(basedir.path.replace('\\', '/') + '/') || f.name.endsWith('.jar')) return
    if (f.length() > 20_000_000) return // a generated input (a big seed), not output
    // a file of an IT as it was cloned from it/: its own configuration, where its passwords are written on purpose
    def inIt = path.find(/\/target\/it\/(.+)$/) { all, rel -> rel }
    if (inIt != null && new File(project, "it/${inIt}").exists()) return
    // the invoker's copy of it/settings.xml for the ITs' builds, whose passwords are written there on purpose
    if (inIt == 'interpolated-settings.xml') return
    scanned << f
}
def logs = scanned.count { it.name == 'build.log' }
def serverLogs = scanned.count { it.name.startsWith('postgres') && it.name.endsWith('.log') }
def surefire = scanned.count { it.parentFile.name == 'surefire-reports' }
assert logs > 50 && serverLogs > 0 && surefire > 0 : "the ITs and tests ran before this one (mvn verify): ${logs} build logs, ${serverLogs} server logs, ${surefire} surefire reports"

def hits = []
scanned.each { f ->
    f.eachLine('UTF-8') { line, n ->
        secrets.each { s -> if (line.contains(s)) hits << "${f.path.substring(project.path.length() + 1)}:${n}: ${s.take(4)}…" }
    }
}
println "Secrets scan: ${secrets.size()} test passwords in ${scanned.size()} files under target/ (${logs} build logs," +
        " ${serverLogs} server logs, ${surefire} surefire reports): ${hits.size()} hits"
assert hits.isEmpty() : "test passwords found:\n" + hits.join('\n')
true
