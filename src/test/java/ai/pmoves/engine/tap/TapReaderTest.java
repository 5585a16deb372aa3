package ai.pmoves.engine.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.tap.TapLine.BailOut;
import ai.pmoves.engine.tap.TapLine.Diagnostic;
import ai.pmoves.engine.tap.TapLine.Directive;
import ai.pmoves.engine.tap.TapLine.Other;
import ai.pmoves.engine.tap.TapLine.Plan;
import ai.pmoves.engine.tap.TapLine.Test;
import java.util.List;
import org.junit.jupiter.api.Nested;

/** TAP as pgTAP prints it and pg_prove's parser reads it: every construct, line by line and for a whole file. */
class TapReaderTest {

    @Nested
    class Lines {
        @org.junit.jupiter.api.Test
        void planTestsDiagnosticsAndBailOut() {
            assertEquals(new Plan(12, null), TapLine.parse("1..12"));
            assertEquals(new Plan(0, "no storage here"), TapLine.parse("1..0 # Skipped: no storage here"));
            assertEquals(new Plan(0, ""), TapLine.parse("1..0"));
            assertEquals(new Test(true, 1, "users has RLS", Directive.NONE, ""), TapLine.parse("ok 1 - users has RLS"));
            assertEquals(new Test(false, 2, "anon sees nothing", Directive.NONE, ""),
                    TapLine.parse("not ok 2 - anon sees nothing"));
            assertEquals(new Test(true, 3, "", Directive.NONE, ""), TapLine.parse("ok 3"));
            assertEquals(new Test(true, 0, "no number", Directive.NONE, ""), TapLine.parse("ok - no number"));
            assertEquals(new Diagnostic("        have: 1"), TapLine.parse("#         have: 1"));
            assertEquals(new Diagnostic("Looks like you failed 1 test of 3"),
                    TapLine.parse("# Looks like you failed 1 test of 3"));
            assertEquals(new BailOut("no fixtures"), TapLine.parse("Bail out! no fixtures"));
            assertEquals(new BailOut(""), TapLine.parse("Bail out!"));
        }

        @org.junit.jupiter.api.Test
        void skipAndTodoDirectivesAsPgTapWritesThem() {
            assertEquals(new Test(true, 4, "", Directive.SKIP, "no storage"), TapLine.parse("ok 4 # SKIP no storage"));
            assertEquals(new Test(true, 5, "", Directive.SKIP, ""), TapLine.parse("ok 5 # SKIP"));
            assertEquals(new Test(false, 6, "policy for admins", Directive.TODO, "not written yet"),
                    TapLine.parse("not ok 6 - policy for admins # TODO not written yet"));
            assertEquals(new Test(true, 7, "x", Directive.TODO, "later"), TapLine.parse("ok 7 - x # todo later"));
            assertEquals(new Test(true, 8, "y", Directive.SKIP, "why"), TapLine.parse("ok 8 - y #skip why"));
        }

        @org.junit.jupiter.api.Test
        void aHashInADescriptionIsNoDirective() {
            assertEquals(new Test(true, 1, "issue #5 fixed", Directive.NONE, ""), TapLine.parse("ok 1 - issue #5 fixed"));
            // TAP::Parser: the directive is at the first unescaped '#', and only when SKIP or TODO follows it
            assertEquals(new Test(true, 2, "issue #5 # TODO x", Directive.NONE, ""),
                    TapLine.parse("ok 2 - issue #5 # TODO x"));
            assertEquals(new Test(true, 3, "issue \\#5", Directive.TODO, "x"), TapLine.parse("ok 3 - issue \\#5 # TODO x"));
        }

        @org.junit.jupiter.api.Test
        void anythingElseIsOther() {
            for (String line : List.of("TAP version 13", "    ok 1 - a subtest", "okay", "1..3 tests", "t", "",
                    "notok 1", "bail out! lower case")) {
                assertEquals(new Other(line), TapLine.parse(line), line);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aPassingFile() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..3");
        statement(tap, 2, "ok 1 - a");
        statement(tap, 3, "ok 2 - b", "ok 3 - c");
        TapResult r = tap.result(true);
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.planned());
        assertEquals(List.of("a", "b", "c"), r.assertions().stream().map(Assertion::description).toList());
        assertEquals(List.of(2, 3, 3), r.assertions().stream().map(Assertion::line).toList());
        assertEquals(0, r.failed());
        assertEquals(List.of("1..3", "ok 1 - a", "ok 2 - b", "ok 3 - c"), r.output());
    }

    @org.junit.jupiter.api.Test
    void aFailedTestKeepsTheDiagnosticsOfItsStatementOnly() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..2");
        statement(tap, 2, "not ok 1 - one is two\n# Failed test 1: \"one is two\"\n#         have: 1\n#         want: 2");
        statement(tap, 6, "# a diag() of its own statement");
        statement(tap, 7, "ok 2");
        statement(tap, 8, "# Looks like you failed 1 test of 2");
        TapResult r = tap.result(true);
        Assertion failed = r.assertions().get(0);
        assertTrue(failed.failed());
        assertEquals(2, failed.line());
        assertEquals(List.of("Failed test 1: \"one is two\"", "        have: 1", "        want: 2"), failed.diagnostics());
        assertEquals("not ok 1 - one is two", failed.tapLine());
        assertEquals(List.of("a diag() of its own statement", "Looks like you failed 1 test of 2"), r.diagnostics());
        assertEquals(1, r.failed());
    }

    @org.junit.jupiter.api.Test
    void noticesAreDiagnosticsNeverTap() {
        TapReader tap = new TapReader();
        tap.statement(1);
        tap.notice("NOTICE: extension \"pgtap\" already exists, skipping");
        tap.statement(2);
        tap.print("1..1");
        tap.statement(3);
        tap.print("not ok 1 - x");
        tap.notice("NOTICE: ok 2 - not a test");
        TapResult r = tap.result(true);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("NOTICE: extension \"pgtap\" already exists, skipping"), r.diagnostics());
        assertEquals(List.of("NOTICE: ok 2 - not a test"), r.assertions().get(0).diagnostics());
    }

    @org.junit.jupiter.api.Test
    void skipIsSkippedAndTodoIsAnExpectedFailure() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..4");
        statement(tap, 2, "ok 1 # SKIP no storage");
        statement(tap, 3, "not ok 2 - later # TODO not written\n# Failed (TODO) test 2: \"later\"");
        statement(tap, 4, "ok 3 - done early # TODO not written");
        statement(tap, 5, "ok 4");
        TapResult r = tap.result(true);
        assertEquals(List.of(true, true, false, false), r.assertions().stream().map(Assertion::skipped).toList());
        assertEquals(0, r.failed());
        assertEquals(2, r.skipped());
        assertEquals(List.of(), r.problems());
    }

    @org.junit.jupiter.api.Test
    void aPlanTheTestsDoNotMatchIsAProblem() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..3");
        statement(tap, 2, "ok 1", "ok 2");
        assertEquals(List.of("planned 3 tests but ran 2"), tap.result(true).problems());

        TapReader one = new TapReader();
        statement(one, 1, "1..1");
        statement(one, 2, "ok 1", "ok 2");
        assertEquals(List.of("planned 1 test but ran 2"), one.result(true).problems());
    }

    @org.junit.jupiter.api.Test
    void noPlanIsAProblemAndAPlanAtTheEndIsOne() {
        TapReader none = new TapReader();
        statement(none, 1, "ok 1");
        assertTrue(none.result(true).problems().get(0).startsWith("no plan: the file printed no 1..N line."));

        TapReader atTheEnd = new TapReader(); // no_plan() first, finish() last
        statement(atTheEnd, 2, "ok 1", "ok 2");
        statement(atTheEnd, 3, "1..2");
        assertEquals(List.of(), atTheEnd.result(true).problems());

        TapReader twice = new TapReader();
        statement(twice, 1, "1..1");
        statement(twice, 2, "ok 1");
        statement(twice, 3, "1..1");
        assertEquals(List.of("a second plan, 1..1 (line 3), after 1..1"), twice.result(true).problems());
    }

    @org.junit.jupiter.api.Test
    void aFileThatStoppedAtAnErrorIsNotHeldToItsPlan() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..5");
        statement(tap, 2, "ok 1");
        assertEquals(List.of(), tap.result(false).problems());
    }

    @org.junit.jupiter.api.Test
    void skippingEveryTest() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..0 # SKIP no pg_cron here");
        TapResult r = tap.result(true);
        assertEquals("no pg_cron here", r.skipAllReason());
        assertNull(r.planned());
        assertEquals(List.of(), r.problems());

        TapReader ranAnyway = new TapReader();
        statement(ranAnyway, 1, "1..0");
        statement(ranAnyway, 2, "ok 1");
        assertEquals(List.of("planned to skip every test (1..0) but ran 1"), ranAnyway.result(true).problems());
    }

    @org.junit.jupiter.api.Test
    void bailOutStopsReadingAndIsNotHeldToThePlan() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..3");
        statement(tap, 2, "ok 1");
        assertFalse(tap.bailedOut());
        statement(tap, 3, "Bail out! the fixtures are missing", "ok 2");
        assertTrue(tap.bailedOut());
        TapResult r = tap.result(true);
        assertEquals("the fixtures are missing", r.bailOut());
        assertEquals(1, r.assertions().size());
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("1..3", "ok 1", "Bail out! the fixtures are missing", "ok 2"), r.output());
    }

    @org.junit.jupiter.api.Test
    void aTestOutOfSequenceIsAProblem() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..2");
        statement(tap, 2, "ok 1", "ok 3");
        assertEquals(List.of("test 3 (line 2) is out of sequence: expected test 2"), tap.result(true).problems());
    }

    @org.junit.jupiter.api.Test
    void aStatementsTimeGoesToItsFirstTest() {
        TapReader tap = new TapReader();
        tap.statement(1);
        tap.print("1..3");
        tap.statementDone(5);
        tap.statement(2);
        tap.print("ok 1\nok 2");
        tap.statementDone(7);
        tap.statement(3);
        tap.print("ok 3");
        tap.statementDone(11);
        assertEquals(List.of(7L, 0L, 11L), tap.result(true).assertions().stream().map(Assertion::nanos).toList());
    }

    @org.junit.jupiter.api.Test
    void lineEndsOfEveryKindSplitAValue() {
        TapReader tap = new TapReader();
        statement(tap, 1, "1..2\r\nok 1\rok 2");
        assertEquals(2, tap.result(true).assertions().size());
    }

    private static void statement(TapReader tap, int line, String... values) {
        tap.statement(line);
        for (String v : values) {
            tap.print(v);
        }
        tap.statementDone(1);
    }
}
