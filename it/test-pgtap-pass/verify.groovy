import groovy.xml.XmlSlurper

def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// Every file below supabase/tests, .sql and .pg, subdirectories too, in natural order (2_ before 10_)
def running = log.readLines().findAll { it.startsWith('[INFO] Running supabase/tests/') }
assert running == ['[INFO] Running supabase/tests/1_schema.sql', '[INFO] Running supabase/tests/2_writes.sql',
                   '[INFO] Running supabase/tests/10_nothing_left.pg', '[INFO] Running supabase/tests/rls/3_skip_todo.sql']

// A surefire-like line per file, and the total
assert log =~ /\[INFO\] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: \d+\.\d{3} s - in supabase\/tests\/1_schema\.sql/
assert log =~ /\[INFO\] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: \d+\.\d{3} s - in supabase\/tests\/10_nothing_left\.pg/
assert log =~ /\[INFO\] Tests run: 3, Failures: 0, Errors: 0, Skipped: 2, Time elapsed: \d+\.\d{3} s - in supabase\/tests\/rls\/3_skip_todo\.sql/
assert log.contains('[INFO] Tests run: 11, Failures: 0, Errors: 0, Skipped: 2')
assert log.contains('pgTAP 1.2.0 created in schema public of jdbc:postgresql://localhost:' + itPort + '/it_test_pgtap_pass')
assert log.contains('[INFO] BUILD SUCCESS')

// One JUnit XML report per file, one test case per assertion
def reports = new File(basedir, 'target/pmoves-reports')
assert reports.list().sort() == ['TEST-pmoves.test.10_nothing_left.xml', 'TEST-pmoves.test.1_schema.xml',
                                 'TEST-pmoves.test.2_writes.xml', 'TEST-pmoves.test.rls.3_skip_todo.xml']
def schema = new XmlSlurper().parse(new File(reports, 'TEST-pmoves.test.1_schema.xml'))
assert schema.@name == 'pmoves.test.1_schema' && schema.@tests == '4' && schema.@failures == '0'
assert schema.testcase*.@name*.toString() == ['1 - notes exists', '2 - id is the key', '3 - every note has an author',
                                              '4 - notes are read by their authors only']
assert schema.testcase[0].@file == 'supabase/tests/1_schema.sql' && schema.testcase[0].@line == '5'
def skipTodo = new XmlSlurper().parse(new File(reports, 'TEST-pmoves.test.rls.3_skip_todo.xml'))
assert skipTodo.@skipped == '2'
assert skipTodo.testcase.skipped*.@message*.toString() == ['SKIP the storage service is not part of this build',
                                                            'TODO sharing notes comes in the next release']

// No test left anything behind: not the note, not the table, not pgTAP itself (created for the run only)
assert db.value('SELECT count(*) FROM public.notes') == 0
assert !db.tableExists('public.scratch')
assert db.value("SELECT count(*) FROM pg_extension WHERE extname = 'pgtap'") == 0
true
