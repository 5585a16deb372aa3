import groovy.xml.XmlSlurper

def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()

// Each failing file: its line, then what failed with its diagnostics, file and line
assert log =~ /\[ERROR\] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: \d+\.\d{3} s <<< FAILURE! - in supabase\/tests\/02_balance\.sql/
def failed = lines.indexOf('[ERROR] supabase/tests/02_balance.sql:4: not ok 2 - the deposit lands')
assert failed > 0
assert lines.subList(failed + 1, failed + 4) == ['[ERROR]     # Failed test 2: "the deposit lands"',
                                                 '[ERROR]     #         have: 90', '[ERROR]     #         want: 100']
assert lines.contains('[ERROR] supabase/tests/03_plan.sql: planned 3 tests but ran 2')
assert lines.contains('[ERROR] supabase/tests/04_error.sql:3:8: ERROR 42703: column "balanse" does not exist')
assert log =~ /\[INFO\] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: \d+\.\d{3} s - in supabase\/tests\/05_nothing_left\.sql/

// The results, as surefire's: every failure and error in one list, and the total
assert lines.contains('[ERROR]   supabase/tests/02_balance.sql:4: not ok 2 - the deposit lands')
assert lines.contains('[ERROR]   supabase/tests/04_error.sql:3: ERROR 42703: column "balanse" does not exist')
assert lines.count('[ERROR] Tests run: 9, Failures: 2, Errors: 1, Skipped: 0') == 2 // runs 1 and 2

// Run 1 went on (maven.test.failure.ignore), run 2 failed on the tests, run 3 skipped them (-DskipTests)
assert log.contains('The build goes on: maven.test.failure.ignore=true.')
def error = lines.find { it.startsWith('[ERROR] Failed to execute goal') }
assert error.contains(':test (default) on project test-pgtap-failure: There are pgTAP test failures (Tests run: 9,'
        + ' Failures: 2, Errors: 1, Skipped: 0): see the failures above, and the reports in ')
assert lines.count('[INFO] pgTAP tests are skipped (skipTests=true).') == 1
assert lines.count('[INFO] BUILD SUCCESS') == 2 && lines.count('[INFO] BUILD FAILURE') == 1

// The JUnit XML: the failure with its diagnostics, the plan, the error with its SQLSTATE
def reports = new File(basedir, 'target/pmoves-reports')
def balance = new XmlSlurper().parse(new File(reports, 'TEST-pmoves.test.02_balance.xml'))
assert balance.@tests == '2' && balance.@failures == '1'
def failure = balance.testcase.find { it.@name == '2 - the deposit lands' }
assert failure.@line == '4' && failure.@file == 'supabase/tests/02_balance.sql'
assert failure.failure.@message == 'not ok 2 - the deposit lands'
assert failure.failure.text() == 'supabase/tests/02_balance.sql:4 not ok 2 - the deposit lands\nFailed test 2: "the deposit lands"\n        have: 90\n        want: 100'
def plan = new XmlSlurper().parse(new File(reports, 'TEST-pmoves.test.03_plan.xml'))
assert plan.@tests == '3' && plan.@failures == '1'
assert plan.testcase.find { it.@name == 'plan' }.failure.@message == 'planned 3 tests but ran 2'
def sqlError = new XmlSlurper().parse(new File(reports, 'TEST-pmoves.test.04_error.xml'))
assert sqlError.@tests == '2' && sqlError.@errors == '1'
def errorCase = sqlError.testcase.find { it.@name == 'SQL error at line 3' }
assert errorCase.error.@type == 'SQLSTATE 42703'
assert errorCase.error.@message == 'ERROR 42703: column "balanse" does not exist'
assert errorCase.error.text().startsWith('supabase/tests/04_error.sql:3:8: ERROR 42703: column "balanse" does not exist')

// Nothing left: no account written by a test; the database's own pgTAP stays
assert db.value('SELECT count(*) FROM public.accounts') == 0
assert db.value("SELECT count(*) FROM pg_extension WHERE extname = 'pgtap'") == 1
true
