package ai.pmoves.engine.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.testing.PgTapFixture;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * pmoves:test's engine against a real PostgreSQL with the real pgTAP (see {@link PgTapFixture}): what each kind of
 * file reports, in the log and in the JUnit XML, and that no test leaves data behind.
 */
class PgTapTestsTest {
    @TempDir
    Path project;
    private TestPostgres.Database db;
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void pgTap() {
        PgTapFixture.ensure();
    }

    @BeforeEach
    void database() throws Exception {
        db = TestPostgres.newDatabase("pgtap_tests");
        db.execute("CREATE TABLE public.notes (id int PRIMARY KEY, body text)");
    }

    @Test
    void aPassingFileRunsInPgTapCreatedForTheRunAndDroppedAfterIt() throws Exception {
        write("01_schema.sql", """
                BEGIN;
                SELECT plan(3);
                SELECT has_table('public', 'notes', 'notes exists');
                SELECT col_is_pk('public', 'notes', 'id', 'id is the key');
                SELECT is(1 + 1, 2, 'arithmetic');
                SELECT * FROM finish();
                ROLLBACK;
                """);
        TestRunResult r = run();
        assertEquals("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0", r.counts());
        assertFalse(r.failed());
        assertTrue(log.has("INFO pgTAP 1.2.0 created in schema public of " + db.url()), log.lines::toString);
        assertTrue(log.has("INFO Running supabase/tests/01_schema.sql"), log.lines::toString);
        assertTrue(log.lines.stream().anyMatch(l -> l.matches("INFO Tests run: 3, Failures: 0, Errors: 0, Skipped: 0,"
                + " Time elapsed: \\d+\\.\\d{3} s - in supabase/tests/01_schema\\.sql")), log.lines::toString);
        assertEquals(List.of(), db.column("SELECT extname FROM pg_extension WHERE extname = 'pgtap'"),
                "created for the run, dropped after it");
        Element suite = report("pmoves.test.01_schema");
        assertEquals(List.of("pmoves.test.01_schema", "3", "0", "0", "0"), List.of(suite.getAttribute("name"),
                suite.getAttribute("tests"), suite.getAttribute("failures"), suite.getAttribute("errors"),
                suite.getAttribute("skipped")));
        List<Element> cases = elements(suite.getElementsByTagName("testcase"));
        assertEquals(List.of("1 - notes exists", "2 - id is the key", "3 - arithmetic"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
        assertEquals(List.of("3", "4", "5"), cases.stream().map(c -> c.getAttribute("line")).toList());
        assertEquals("supabase/tests/01_schema.sql", cases.get(0).getAttribute("file"));
        assertTrue(suite.getElementsByTagName("system-out").item(0).getTextContent()
                .startsWith("1..3\nok 1 - notes exists\n"));
    }

    @Test
    void aFailedAssertionIsReportedWithItsDiagnosticsFileAndLine() throws Exception {
        db.execute("CREATE EXTENSION pgtap");
        write("02_fails.sql", """
                SELECT plan(2);
                SELECT ok(true, 'fine');
                SELECT is(
                  (SELECT count(*)::int FROM public.notes), 1, 'one note');
                """);
        TestRunResult r = run();
        assertEquals("Tests run: 2, Failures: 1, Errors: 0, Skipped: 0", r.counts());
        assertTrue(r.failed());
        assertTrue(log.has("ERROR Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: "), log.lines::toString);
        assertTrue(log.has("<<< FAILURE! - in supabase/tests/02_fails.sql"));
        int at = log.lines.indexOf("ERROR supabase/tests/02_fails.sql:3: not ok 2 - one note");
        assertTrue(at > 0, log.lines::toString);
        assertEquals(List.of("ERROR     # Failed test 2: \"one note\"", "ERROR     #         have: 0",
                "ERROR     #         want: 1"), log.lines.subList(at + 1, at + 4));
        assertTrue(log.has("ERROR   supabase/tests/02_fails.sql:3: not ok 2 - one note"), "in the results");
        assertEquals(List.of("pgtap"), db.column("SELECT extname FROM pg_extension WHERE extname = 'pgtap'"),
                "the database's own pgTAP stays");
        Element failure = (Element) report("pmoves.test.02_fails").getElementsByTagName("failure").item(0);
        assertEquals("not ok 2 - one note", failure.getAttribute("message"));
        assertEquals("supabase/tests/02_fails.sql:3 not ok 2 - one note\nFailed test 2: \"one note\"\n"
                + "        have: 0\n        want: 1", failure.getTextContent());
    }

    @Test
    void aPlanTheTestsDoNotMatchFailsTheFile() throws Exception {
        write("03_plan.sql", "SELECT plan(3);\nSELECT ok(true);\nSELECT ok(true);\n");
        TestRunResult r = run();
        assertEquals("Tests run: 3, Failures: 1, Errors: 0, Skipped: 0", r.counts());
        assertTrue(log.has("ERROR supabase/tests/03_plan.sql: planned 3 tests but ran 2"), log.lines::toString);
        Element plan = elements(report("pmoves.test.03_plan").getElementsByTagName("testcase")).get(2);
        assertEquals("plan", plan.getAttribute("name"));
        assertEquals("planned 3 tests but ran 2",
                ((Element) plan.getElementsByTagName("failure").item(0)).getAttribute("message"));
    }

    @Test
    void aSqlErrorStopsTheFileAndNamesItsFileAndLine() throws Exception {
        write("04_error.sql", "SELECT plan(3);\nSELECT ok(true, 'before');\nSELECT id\n  FROM public.nope;\n"
                + "SELECT ok(true, 'never runs');\n");
        write("05_after.sql", "SELECT plan(1);\nSELECT ok(true, 'the next file runs');\n");
        TestRunResult r = run();
        assertEquals("Tests run: 3, Failures: 0, Errors: 1, Skipped: 0", r.counts());
        SqlError error = r.files().get(0).error();
        assertEquals(4, error.line());
        assertEquals("ERROR 42P01: relation \"public.nope\" does not exist", error.headline());
        assertTrue(error.description().startsWith("supabase/tests/04_error.sql:4:8: ERROR 42P01: relation"
                + " \"public.nope\" does not exist"), error.description());
        assertTrue(log.has("ERROR   supabase/tests/04_error.sql:4: ERROR 42P01: relation \"public.nope\" does not"
                + " exist"), log.lines::toString);
        assertEquals(List.of(), r.files().get(0).tap().problems(), "stopped at the error: the plan is not checked");
        assertFalse(r.files().get(1).failed());
        Element error4 = (Element) report("pmoves.test.04_error").getElementsByTagName("error").item(0);
        assertEquals("SQLSTATE 42P01", error4.getAttribute("type"));
        assertEquals("SQL error at line 4", ((Element) error4.getParentNode()).getAttribute("name"));
    }

    @Test
    void skipAndTodoAreSkippedNotFailed() throws Exception {
        write("06_skip_todo.sql", """
                SELECT plan(4);
                SELECT skip('no storage service here', 1);
                SELECT todo('admins come later', 1);
                SELECT ok(false, 'admins may read every note');
                SELECT todo('done early', 1);
                SELECT ok(true, 'authors read their notes');
                SELECT ok(true, 'anon reads nothing');
                """);
        TestRunResult r = run();
        assertEquals("Tests run: 4, Failures: 0, Errors: 0, Skipped: 2", r.counts());
        assertFalse(r.failed());
        List<Element> skipped = elements(report("pmoves.test.06_skip_todo").getElementsByTagName("skipped"));
        assertEquals(List.of("SKIP no storage service here", "TODO admins come later"),
                skipped.stream().map(s -> s.getAttribute("message")).toList());
    }

    @Test
    void bailOutStopsTheRun() throws Exception {
        write("07_bail.sql", "SELECT plan(2);\nSELECT ok(true);\nSELECT 'Bail out! the fixtures are missing';\n"
                + "SELECT ok(true);\n");
        write("08_never.sql", "SELECT plan(1);\nSELECT ok(true);\n");
        TestRunResult r = run();
        assertEquals("Tests run: 2, Failures: 0, Errors: 1, Skipped: 0", r.counts());
        assertTrue(r.failed());
        assertEquals(List.of("supabase/tests/08_never.sql"), r.notRun().stream().map(TestFile::path).toList());
        assertTrue(log.has("ERROR Not run, after the Bail out!: supabase/tests/08_never.sql"), log.lines::toString);
        assertFalse(Files.exists(project.resolve("target/pmoves-reports/TEST-pmoves.test.08_never.xml")));
    }

    @Test
    void aTestThatWritesLeavesNothingForTheNextOrAfterTheRun() throws Exception {
        write("09_writes.sql", """
                SELECT plan(2);
                INSERT INTO public.notes VALUES (1, 'written by a test');
                SELECT is((SELECT count(*)::int FROM public.notes), 1, 'the test sees its row');
                CREATE TABLE public.scratch (id int);
                SELECT has_table('public', 'scratch', 'and its table');
                """);
        write("10_nothing_left.sql", """
                SELECT plan(2);
                SELECT is_empty('SELECT * FROM public.notes', 'no row of the test before');
                SELECT hasnt_table('public', 'scratch', 'no table of the test before');
                """);
        TestRunResult r = run();
        assertEquals("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0", r.counts(), log.lines::toString);
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM public.notes"));
        assertFalse(db.exists("public.scratch"));
    }

    @Test
    void aFileWrappedInItsOwnTransactionRunsInOursAndSavepointsWork() throws Exception {
        write("11_wrapped.sql", """
                begin;
                select plan(2);
                insert into public.notes values (1, 'kept');
                savepoint before_second;
                insert into public.notes values (2, 'undone');
                rollback to savepoint before_second;
                select results_eq('select id from public.notes', array[1], 'the savepoint undid the second row');
                select is((select body from public.notes), 'kept', 'the first row stays');
                select * from finish();
                commit;
                """);
        TestRunResult r = run();
        assertEquals("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0", r.counts(), log.lines::toString);
        assertFalse(log.has("has transaction control of its own"), log.lines::toString);
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM public.notes"), "even its COMMIT leaves nothing");
    }

    @Test
    void aFileWithTransactionsOfItsOwnRunsAsWritten() throws Exception {
        write("12_blocks.sql", """
                SELECT plan(2);
                BEGIN;
                INSERT INTO public.notes VALUES (1, 'first block');
                SELECT is((SELECT count(*)::int FROM public.notes), 1, 'inside the first block');
                ROLLBACK;
                BEGIN;
                SELECT is_empty('SELECT * FROM public.notes', 'the first block was rolled back');
                ROLLBACK;
                """);
        TestRunResult r = run();
        assertEquals("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0", r.counts(), log.lines::toString);
        assertTrue(log.has("WARN supabase/tests/12_blocks.sql has transaction control of its own (BEGIN at line 2):"
                + " it runs as written, as psql runs it, and what it commits stays in the database."),
                log.lines::toString);
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM public.notes"));
    }

    @Test
    void noticesAndDiagnosticsGoToTheReport() throws Exception {
        write("13_notices.sql", """
                SELECT plan(1);
                DO $$ BEGIN RAISE NOTICE 'seeded % notes', 0; END $$;
                SELECT diag('about to check');
                SELECT ok(true, 'checked');
                """);
        TestRunResult r = run();
        assertEquals(List.of("NOTICE: seeded 0 notes", "about to check"), r.files().get(0).tap().diagnostics());
        String out = report("pmoves.test.13_notices").getElementsByTagName("system-out").item(0).getTextContent();
        assertEquals("1..1\n# NOTICE: seeded 0 notes\n# about to check\nok 1 - checked", out);
    }

    @Test
    void noTestFilesNeedNoDatabase() {
        TestRunResult r = new PgTapTests(() -> {
            throw new AssertionError("no test file: no connection");
        }, log).run(options());
        assertEquals("Tests run: 0, Failures: 0, Errors: 0, Skipped: 0", r.counts());
        assertTrue(log.has("No pgTAP tests to run: no *.sql or *.pg file in " + project.resolve("supabase/tests")));
    }

    @Test
    void filesThatCreatePgTapThemselvesAreLeftToIt() throws Exception {
        write("14_creates.sql", """
                BEGIN;
                CREATE EXTENSION pgtap;
                SELECT plan(1);
                SELECT ok(true);
                ROLLBACK;
                """);
        TestRunResult r = run();
        assertEquals("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0", r.counts(), log.lines::toString);
        assertTrue(log.has("INFO pgTAP is not created in " + db.url() + ": the test files create it."));
    }

    @Test
    void aFileThatCannotBeReadStopsTheRunBeforeAnyTestRuns() throws Exception {
        write("15_fine.sql", "SELECT plan(1);\nINSERT INTO public.notes VALUES (1, 'x');\nSELECT ok(true);\n");
        write("16_meta.sql", "\\set ON_ERROR_STOP 1\nSELECT plan(1);\n");
        PmovesException e = assertThrows(PmovesException.class, this::run);
        assertTrue(e.getMessage().startsWith("16_meta.sql:1:1: psql meta-command \\set is not supported"), e.getMessage());
        assertFalse(log.has("Running"), log.lines::toString);
    }

    @Test
    void variablesAreSubstitutedAsInEveryFileThePluginRuns() throws Exception {
        write("17_variables.sql", "SELECT plan(2);\nSELECT is(:'expected'::text, 'pmoves', 'the variable');\n"
                + "SELECT is(:'api_key'::text, 'another', 'a secret, which no report shows');\n");
        TestRunResult r = new PgTapTests(() -> settings().withVariables(new ai.pmoves.engine.sql.PsqlVariables(
                Map.of("expected", "pmoves", "api_key", "sk-Secret-4711"))), log).run(options());
        assertEquals("Tests run: 2, Failures: 1, Errors: 0, Skipped: 0", r.counts(), log.lines::toString);
        assertTrue(log.has("ERROR     #         have: :'api_key'"), log.lines::toString);
        assertFalse(log.has("sk-Secret-4711"), log.lines::toString);
        assertFalse(Files.readString(project.resolve("target/pmoves-reports/TEST-pmoves.test.17_variables.xml"))
                .contains("sk-Secret-4711"));
    }

    @Test
    void theReportsOfAnEarlierRunAreReplaced() throws Exception {
        Path reports = Files.createDirectories(project.resolve("target/pmoves-reports"));
        Files.writeString(reports.resolve("TEST-pmoves.test.renamed.xml"), "<testsuite/>");
        Files.writeString(reports.resolve("TEST-other.xml"), "<testsuite/>");
        write("18_one.sql", "SELECT plan(1);\nSELECT ok(true);\n");
        run();
        List<String> names = new ArrayList<>();
        try (var files = Files.list(reports)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        assertEquals(List.of("TEST-other.xml", "TEST-pmoves.test.18_one.xml"), names.stream().sorted().toList());
    }

    private TestRunResult run() {
        return new PgTapTests(this::settings, log).run(options());
    }

    private ConnectionSettings settings() {
        return ConnectionSettings.resolve(db.url(), db.user(), db.password(), Map.of(), 10);
    }

    private TestOptions options() {
        return new TestOptions(ConfiguredDirectory.byDefault(project.resolve("supabase/tests")), project,
                project.resolve("target/pmoves-reports"));
    }

    private void write(String name, String sql) throws Exception {
        Path file = project.resolve("supabase/tests").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private Element report(String suite) throws Exception {
        Path file = project.resolve("target/pmoves-reports/TEST-" + suite + ".xml");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
