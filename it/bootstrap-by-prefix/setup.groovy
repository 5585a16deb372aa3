// A fresh, empty database for this IT
ai.pmoves.it.ItDatabase.create(itPort, basedir)

// The group's prefix index, as `mvn install` writes it beside the plugin (the invoker's own install does not), with
// the prefix this build's plugin descriptor declares
def descriptor = new File(basedir, '../../classes/META-INF/maven/plugin.xml').text
def element = { name -> (descriptor =~ "<${name}>([^<]+)</${name}>")[0][1] }
def group = new File(localRepositoryPath, element('groupId').replace('.', '/'))
group.mkdirs()
new File(group, 'maven-metadata-local.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <plugins>
    <plugin>
      <name>${element('name')}</name>
      <prefix>${element('goalPrefix')}</prefix>
      <artifactId>${element('artifactId')}</artifactId>
    </plugin>
  </plugins>
</metadata>
"""
true
