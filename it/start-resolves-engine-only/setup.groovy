// The ITs share one local repository: forget what an earlier build may have put there
['org/flywaydb', 'org/liquibase'].each { new File(localRepositoryPath, it).deleteDir() }
true
