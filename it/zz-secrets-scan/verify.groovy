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

// Their logs and reports
def scanned = []
itRoot.eachFileRecurse(FileType.FILES) { f ->
    def path = f.path.replace('\\', '/')
    if (path.startsWith(basedir.path.replace('\\', '/') + '/')) return
    if (f.name == 'build.log' || path.contains('/target/') && (f.name.endsWith('.json') || f.name.endsWith('.sql'))) {
        scanned << f
    }
}
def logs = scanned.count { it.name == 'build.log' }
// The main build's test reports and captured output (surefire ran before the ITs, in the same mvn verify)
def surefire = new File(project, 'target/surefire-reports').listFiles()?.findAll { it.file } ?: []
scanned.addAll(surefire)

def hits = []
scanned.each { f ->
    f.eachLine('UTF-8') { line, n ->
        secrets.each { s -> if (line.contains(s)) hits << "${f.path.substring(project.path.length() + 1)}:${n}: ${s}" }
    }
}
println "Secrets scan: ${secrets.size()} test passwords in ${scanned.size()} files (${logs} build logs, ${surefire.size()}" +
        " surefire reports): ${hits.size()} hits"
assert hits.isEmpty() : "test passwords found:\n" + hits.join('\n')
true
