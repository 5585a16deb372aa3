package ai.pmoves.engine.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqlStatementSplitTest {

    // ---- helpers ---------------------------------------------------------------------------

    /** Splits and checks the invariants every statement must hold against the normalized text and its tokens. */
    private static List<SqlStatement> split(String text) throws SqlSyntaxException {
        List<SqlStatement> statements = SqlStatementReader.split(text);
        ReaderAndTokensAgreeTest.assertAgree(text);
        String normalized = SqlText.normalize(text);
        for (SqlStatement st : statements) {
            assertEquals(st.sql(), normalized.substring(st.offset(), st.offset() + st.sql().length()));
            assertArrayEquals(new int[] {st.line(), st.column()}, SqlText.lineAndColumn(normalized, st.offset()));
        }
        return statements;
    }

    private static List<String> sqls(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::sql).collect(Collectors.toList());
    }

    private static List<Integer> lines(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::line).collect(Collectors.toList());
    }

    private static List<Integer> columns(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::column).collect(Collectors.toList());
    }

    private static SqlSyntaxException error(String text) {
        ReaderAndTokensAgreeTest.assertAgree(text);
        return assertThrows(SqlSyntaxException.class, () -> SqlStatementReader.split(text));
    }

    // ---- comments --------------------------------------------------------------------------

    @Test
    void nestedBlockComments() throws Exception {
        List<SqlStatement> st = split("/* outer /* inner; */ still; comment */ SELECT 1;\n"
                + "SELECT /* a /* b; */ ; */ 2;");
        assertEquals(List.of("SELECT 1", "SELECT /* a /* b; */ ; */ 2"), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
        assertEquals(List.of(41, 1), columns(st));
    }

    @Test
    void lineCommentsHoldSemicolonsAndQuotes() throws Exception {
        List<SqlStatement> st = split("-- first; it's 'a' \"comment\" $$\n"
                + "SELECT 1 -- trailing; don't\n"
                + ";\n"
                + "SELECT 2; -- after; ' \" $x$\n");
        assertEquals(List.of("SELECT 1 -- trailing; don't", "SELECT 2"), sqls(st));
        assertEquals(List.of(2, 4), lines(st));
    }

    @Test
    void commentBeforeSemicolonStaysInStatement() throws Exception {
        List<SqlStatement> st = split("SELECT 1 /* why */ ;\nSELECT 2 -- note\n;");
        assertEquals(List.of("SELECT 1 /* why */", "SELECT 2 -- note"), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
    }

    @Test
    void statementPrecededByCommentsStartsAtItsOwnLine() throws Exception {
        List<SqlStatement> st = split("-- header\n/* block\n   comment */\n  SELECT 1;\n");
        assertEquals(List.of("SELECT 1"), sqls(st));
        assertEquals(List.of(4), lines(st));
        assertEquals(List.of(3), columns(st));
        assertEquals(List.of(35), st.stream().map(SqlStatement::offset).collect(Collectors.toList()));
    }

    @Test
    void fileOfOnlyCommentsYieldsNothing() throws Exception {
        assertEquals(List.of(), split("-- a; 'b'\n/* c /* d; */ */\n\n-- e"));
    }

    @Test
    void commentsAfterLastSemicolonYieldNothing() throws Exception {
        List<SqlStatement> st = split("SELECT 1; -- done\n/* the end; */\n\n");
        assertEquals(List.of("SELECT 1"), sqls(st));
        assertEquals(List.of(1), lines(st));
    }

    // ---- strings ---------------------------------------------------------------------------

    @Test
    void doubledQuotesInStrings() throws Exception {
        List<SqlStatement> st = split("SELECT 'it''s; fine', 'x';SELECT '';SELECT '''';");
        assertEquals(List.of("SELECT 'it''s; fine', 'x'", "SELECT ''", "SELECT ''''"), sqls(st));
        assertEquals(List.of(1, 1, 1), lines(st));
        assertEquals(List.of(1, 27, 37), columns(st));
    }

    @Test
    void backslashIsLiteralInPlainStrings() throws Exception {
        List<SqlStatement> st = split("SELECT 'C:\\dir\\';SELECT 2");
        assertEquals(List.of("SELECT 'C:\\dir\\'", "SELECT 2"), sqls(st));
        assertEquals(List.of(1, 1), lines(st));
    }

    @Test
    void escapeStringsUpperAndLowerCase() throws Exception {
        List<SqlStatement> st = split("SELECT E'it\\'s; here';\nSELECT e'a\\\\';\nSELECT E'x''y;'");
        assertEquals(List.of("SELECT E'it\\'s; here'", "SELECT e'a\\\\'", "SELECT E'x''y;'"), sqls(st));
        assertEquals(List.of(1, 2, 3), lines(st));
        assertEquals(List.of("SELECT"), st.get(0).words());
    }

    @Test
    void identifierEndingInEIsNotAnEscapePrefix() throws Exception {
        // Were "some" or "name" taken as E'..', the \' would escape and swallow the ;
        List<SqlStatement> st = split("SELECT some'x\\';SELECT name'y\\';\nSELECT 3;");
        assertEquals(List.of("SELECT some'x\\'", "SELECT name'y\\'", "SELECT 3"), sqls(st));
        assertEquals(List.of(1, 1, 2), lines(st));
        assertEquals(List.of("SELECT", "SOME"), st.get(0).words());
    }

    @Test
    void prefixedStringsBehaveLikePlainStrings() throws Exception {
        List<SqlStatement> st = split("SELECT X'FF', b'101', N'a\\', U&'d\\0061t;', u&\"a;b\\\" FROM t;SELECT 2");
        assertEquals(List.of("SELECT X'FF', b'101', N'a\\', U&'d\\0061t;', u&\"a;b\\\" FROM t", "SELECT 2"), sqls(st));
        assertEquals(List.of("SELECT", "FROM", "T"), st.get(0).words());
    }

    @Test
    void quotedIdentifiersHoldSemicolons() throws Exception {
        List<SqlStatement> st = split("CREATE TABLE \"a;b\" (\"x\"\"y;\" int);\nSELECT \"end;\" FROM \"a;b\";");
        assertEquals(List.of("CREATE TABLE \"a;b\" (\"x\"\"y;\" int)", "SELECT \"end;\" FROM \"a;b\""), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
        assertEquals(List.of("CREATE", "TABLE", "INT"), st.get(0).words());
    }

    // ---- dollar quotes and parameters --------------------------------------------------------

    @Test
    void dollarBodiesHoldSemicolons() throws Exception {
        List<SqlStatement> st = split("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
                + "CREATE FUNCTION g() RETURNS int AS $body$ SELECT 'x;'; $body$ LANGUAGE sql;\n");
        assertEquals(List.of("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
                "CREATE FUNCTION g() RETURNS int AS $body$ SELECT 'x;'; $body$ LANGUAGE sql"), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
        assertEquals(List.of("CREATE", "FUNCTION", "F", "RETURNS", "INT", "AS", "LANGUAGE", "SQL"), st.get(0).words());
    }

    @Test
    void doubleDollarInsideTaggedBodyIsText() throws Exception {
        List<SqlStatement> st = split("DO $fn$ BEGIN EXECUTE $$SELECT 1;$$; END $fn$;\nSELECT 3;");
        assertEquals(List.of("DO $fn$ BEGIN EXECUTE $$SELECT 1;$$; END $fn$", "SELECT 3"), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
    }

    @Test
    void dollarTagsAreCaseSensitive() throws Exception {
        List<SqlStatement> st = split("SELECT $Q$ a; $q$ b; $Q$;SELECT 2;");
        assertEquals(List.of("SELECT $Q$ a; $q$ b; $Q$", "SELECT 2"), sqls(st));
    }

    @Test
    void doBlock() throws Exception {
        List<SqlStatement> st = split("DO $$\nBEGIN\n  RAISE NOTICE 'x;';\nEND\n$$;\nSELECT 1;");
        assertEquals(List.of("DO $$\nBEGIN\n  RAISE NOTICE 'x;';\nEND\n$$", "SELECT 1"), sqls(st));
        assertEquals(List.of(1, 6), lines(st));
        assertEquals(List.of("DO"), st.get(0).words());
    }

    @Test
    void positionalParametersAreNotDollarQuotes() throws Exception {
        List<SqlStatement> st = split("PREPARE p AS SELECT $1; SELECT 2;\nPREPARE q(int, int) AS SELECT $1 + $12;EXECUTE q(1, 2)");
        assertEquals(List.of("PREPARE p AS SELECT $1", "SELECT 2", "PREPARE q(int, int) AS SELECT $1 + $12", "EXECUTE q(1, 2)"),
                sqls(st));
        assertEquals(List.of(1, 1, 2, 2), lines(st));
        assertEquals(List.of(1, 25, 1, 40), columns(st));
    }

    @Test
    void dollarAfterIdentifierCharIsPartOfIdentifier() throws Exception {
        List<SqlStatement> st = split("SELECT foo$bar, a$$ FROM t$x; SELECT $y FROM t;\nSELECT 3");
        assertEquals(List.of("SELECT foo$bar, a$$ FROM t$x", "SELECT $y FROM t", "SELECT 3"), sqls(st));
        assertEquals(List.of(1, 1, 2), lines(st));
        assertEquals(List.of("SELECT", "FOO$BAR", "A$$", "FROM", "T$X"), st.get(0).words());
    }

    // ---- BEGIN ATOMIC bodies -----------------------------------------------------------------

    @Test
    void createFunctionBeginAtomicWithCaseAndLookalikeIdentifiers() throws Exception {
        String body = "CREATE OR REPLACE FUNCTION f(atomic_x int, begin_at int) RETURNS int\n"
                + "LANGUAGE sql\n"
                + "BEGIN ATOMIC\n"
                + "  SELECT CASE WHEN atomic_x > 0 THEN 1 ELSE 2 END;\n"
                + "  SELECT t.end FROM t;\n"
                + "  SELECT \"end\" FROM t;\n"
                + "  SELECT CASE begin_at WHEN 1 THEN (CASE WHEN true THEN 1 END) END;\n"
                + "END";
        List<SqlStatement> st = split(body + ";\nSELECT 2;");
        assertEquals(List.of(body, "SELECT 2"), sqls(st));
        assertEquals(List.of(1, 9), lines(st));
        assertEquals(List.of("CREATE", "OR", "REPLACE", "FUNCTION", "F", "ATOMIC_X", "INT", "BEGIN_AT", "INT"),
                st.get(0).words().subList(0, 9));
    }

    @Test
    void createProcedureBeginAtomicAcrossComment() throws Exception {
        String body = "create procedure ins(a int)\n"
                + "language sql\n"
                + "begin -- the body\n"
                + "  /* still */ atomic\n"
                + "  insert into t values (a);\n"
                + "  insert into t values (a + 1);\n"
                + "end";
        List<SqlStatement> st = split(body + ";\nCALL ins(1);");
        assertEquals(List.of(body, "CALL ins(1)"), sqls(st));
        assertEquals(List.of(1, 8), lines(st));
    }

    @Test
    void beginAtomicBodyWithoutFinalSemicolon() throws Exception {
        String body = "CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END";
        assertEquals(List.of(body), sqls(split(body + "\n")));
    }

    @Test
    void transactionBeginIsNotABody() throws Exception {
        List<SqlStatement> st = split("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\nBEGIN ATOMIC;\nEND;\n");
        assertEquals(List.of("BEGIN", "CREATE TABLE t (a int)", "COMMIT", "BEGIN ATOMIC", "END"), sqls(st));
        assertEquals(List.of(1, 2, 3, 4, 5), lines(st));
    }

    @Test
    void beginNotFollowedByAtomicIsNotABody() throws Exception {
        List<SqlStatement> st = split("CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN begin;\n"
                + "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1';\nSELECT 3;");
        assertEquals(List.of("CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN begin",
                "CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1'", "SELECT 3"), sqls(st));
        assertEquals(List.of(1, 2, 3), lines(st));
    }

    // ---- COPY FROM STDIN ---------------------------------------------------------------------

    @Test
    void copyFromStdinWithData() throws Exception {
        String text = "COPY t (a, b) FROM stdin; -- rest of line ignored; SELECT 'x\n"
                + "1\tx;y\n"
                + "2\t\\N\n"
                + "3\ta\\\\tb 'q' \"r\" $$ /* \\.\n"
                + " \\.\n"
                + "\\.\n"
                + "SELECT 1;\n";
        List<SqlStatement> st = split(text);
        assertEquals(List.of("COPY t (a, b) FROM stdin", "SELECT 1"), sqls(st));
        assertEquals(List.of(1, 7), lines(st));
        assertEquals("1\tx;y\n2\t\\N\n3\ta\\\\tb 'q' \"r\" $$ /* \\.\n \\.\n", st.get(0).copyData());
        assertTrue(st.get(0).isCopyFromStdin());
        assertEquals(List.of("COPY", "T", "A", "B", "FROM", "STDIN"), st.get(0).words());
        assertNull(st.get(1).copyData());
    }

    @Test
    void copyDataRunsToEofWithoutTerminator() throws Exception {
        List<SqlStatement> st = split("SELECT 0;\nCOPY t FROM STDIN WITH (FORMAT csv);\n1,\"a;\"\n2,b");
        assertEquals(List.of("SELECT 0", "COPY t FROM STDIN WITH (FORMAT csv)"), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
        assertEquals("1,\"a;\"\n2,b", st.get(1).copyData());
    }

    @Test
    void copyTerminatorAtEofWithoutNewline() throws Exception {
        List<SqlStatement> st = split("copy t from stdin;\r\n1\r\n\\.");
        assertEquals(List.of("copy t from stdin"), sqls(st));
        assertEquals("1\n", st.get(0).copyData());
    }

    @Test
    void copyWithoutDataLines() throws Exception {
        assertEquals("", split("COPY t FROM STDIN;").get(0).copyData());
        assertEquals("", split("COPY t FROM STDIN;\n\\.\nSELECT 1;").get(0).copyData());
        assertEquals("", split("COPY t FROM STDIN").get(0).copyData());
    }

    @Test
    void copyFromFileOrToStdoutHasNoData() throws Exception {
        List<SqlStatement> st = split("COPY t FROM '/tmp/x';\nCOPY (SELECT * FROM stdin) TO STDOUT;\n"
                + "COPY t TO STDOUT;\nSELECT 1 FROM stdin;\nSELECT 2;");
        assertEquals(List.of("COPY t FROM '/tmp/x'", "COPY (SELECT * FROM stdin) TO STDOUT", "COPY t TO STDOUT",
                "SELECT 1 FROM stdin", "SELECT 2"), sqls(st));
        assertEquals(List.of(1, 2, 3, 4, 5), lines(st));
        st.forEach(s -> assertNull(s.copyData()));
    }

    @Test
    void copyWithMoreColumnsThanRecordedWords() throws Exception {
        StringBuilder text = new StringBuilder("COPY t (");
        for (int i = 0; i < 100; i++) {
            text.append(i == 0 ? "" : ", ").append("c").append(i);
        }
        text.append(") FROM STDIN;\n1\n\\.\nSELECT 2;");
        List<SqlStatement> st = split(text.toString());
        assertEquals(2, st.size());
        assertEquals("1\n", st.get(0).copyData());
        assertEquals(SqlStatementReader.MAX_WORDS, st.get(0).words().size());
        assertEquals(List.of(1, 4), lines(st));
    }

    // ---- file shapes -------------------------------------------------------------------------

    @Test
    void finalStatementWithoutSemicolon() throws Exception {
        List<SqlStatement> st = split("SELECT 1;\nSELECT 2\n\n");
        assertEquals(List.of("SELECT 1", "SELECT 2"), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
    }

    @Test
    void byteOrderMarkIsStripped() throws Exception {
        List<SqlStatement> st = split("\uFEFFSELECT 1;\nSELECT 2;");
        assertEquals(List.of("SELECT 1", "SELECT 2"), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
        assertEquals(List.of(1, 1), columns(st));
        assertEquals(0, st.get(0).offset());
    }

    @Test
    void crlfLineEnds() throws Exception {
        List<SqlStatement> st = split("SELECT 1;\r\n\r\nSELECT\r\n  2;\r\n-- x\r\n  SELECT 3;\r\n");
        assertEquals(List.of("SELECT 1", "SELECT\n  2", "SELECT 3"), sqls(st));
        assertEquals(List.of(1, 3, 6), lines(st));
        assertEquals(List.of(1, 1, 3), columns(st));
    }

    @Test
    void emptyFile() throws Exception {
        assertEquals(List.of(), split(""));
        assertEquals(List.of(), split(" \n\t\n"));
    }

    @Test
    void emptyStatementsAreDropped() throws Exception {
        List<SqlStatement> st = split(";;\nSELECT 1;;\n ; SELECT 2;");
        assertEquals(List.of("SELECT 1", "SELECT 2"), sqls(st));
        assertEquals(List.of(2, 3), lines(st));
        assertEquals(List.of(1, 4), columns(st));
    }

    @Test
    void multipleStatementsOnOneLine() throws Exception {
        List<SqlStatement> st = split("SELECT 1; SELECT 2;SELECT 3 ;  SELECT 4");
        assertEquals(List.of("SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4"), sqls(st));
        assertEquals(List.of(1, 1, 1, 1), lines(st));
        assertEquals(List.of(1, 11, 20, 32), columns(st));
        assertEquals(List.of(0, 10, 19, 31), st.stream().map(SqlStatement::offset).collect(Collectors.toList()));
    }

    // ---- errors ------------------------------------------------------------------------------

    @Test
    void unterminatedString() {
        SqlSyntaxException e = error("SELECT 1;\nSELECT 'abc;\n");
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertTrue(e.reason().startsWith("unterminated string literal"), e.reason());
        assertTrue(e.getMessage().startsWith("line 2, column 8: unterminated string literal"), e.getMessage());
    }

    @Test
    void unterminatedEscapeString() {
        SqlSyntaxException e = error("SELECT 1;\n  SELECT E'it\\';");
        assertEquals(2, e.line());
        assertEquals(10, e.column());
        assertTrue(e.reason().contains("escape string E'"), e.reason());
    }

    @Test
    void unterminatedQuotedIdentifier() {
        SqlSyntaxException e = error("SELECT \"abc;\nSELECT 2;");
        assertEquals(1, e.line());
        assertEquals(8, e.column());
        assertTrue(e.reason().contains("quoted identifier"), e.reason());
    }

    @Test
    void unterminatedDollarQuoteNamesItsTag() {
        SqlSyntaxException e = error("SELECT 1;\n\nCREATE FUNCTION f() AS $fn$ SELECT 1; $$;");
        assertEquals(3, e.line());
        assertEquals(24, e.column());
        assertEquals("unterminated dollar-quoted string $fn$ opened here: add the closing $fn$", e.reason());
    }

    @Test
    void unterminatedDoubleDollarQuote() {
        SqlSyntaxException e = error("DO $$ BEGIN NULL; END");
        assertEquals(1, e.line());
        assertEquals(4, e.column());
        assertTrue(e.reason().contains("$$"), e.reason());
    }

    @Test
    void unterminatedBlockCommentReportsOutermostOpener() {
        SqlSyntaxException e = error("SELECT 1; /* a /* b */ ;\nSELECT 2;");
        assertEquals(1, e.line());
        assertEquals(11, e.column());
        assertTrue(e.reason().contains("block comment"), e.reason());
    }

    @Test
    void unterminatedBeginAtomicBody() {
        SqlSyntaxException e = error("CREATE FUNCTION f() RETURNS int LANGUAGE sql\n  BEGIN ATOMIC\n  SELECT CASE WHEN true THEN 1 END;\n");
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.reason().contains("BEGIN ATOMIC"), e.reason());
    }

    @Test
    void psqlIncludeMetaCommand() {
        SqlSyntaxException e = error("SELECT 1;\n\\i file.sql\n");
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertEquals("psql meta-command \\i is not supported: the plugin runs SQL through JDBC;"
                + " inline the file or split it into migrations", e.reason());
    }

    @Test
    void psqlSetMetaCommand() {
        SqlSyntaxException e = error("-- vars\n  \\set x 1\nSELECT :x;");
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.reason().startsWith("psql meta-command \\set is not supported"), e.reason());
    }

    @Test
    void psqlMetaCommandAfterStatementText() {
        SqlSyntaxException e = error("SELECT 1 AS x \\gset\n");
        assertEquals(1, e.line());
        assertEquals(15, e.column());
        assertTrue(e.reason().contains("\\gset"), e.reason());
    }

    @Test
    void psqlConnectMetaCommand() {
        SqlSyntaxException e = error("\\connect other\n");
        assertEquals(1, e.line());
        assertTrue(e.reason().contains("\\connect"), e.reason());
    }

    @Test
    void backslashInsideStringsCommentsAndBodiesIsFine() throws Exception {
        List<SqlStatement> st = split("SELECT '\\i x', \"\\set\"; -- \\set y\n/* \\connect */ SELECT $$\\q$$, E'\\\\';");
        assertEquals(List.of("SELECT '\\i x', \"\\set\"", "SELECT $$\\q$$, E'\\\\'"), sqls(st));
        assertEquals(List.of(1, 2), lines(st));
    }

    // ---- words -------------------------------------------------------------------------------

    @Test
    void wordsOfCreateIndexConcurrently() throws Exception {
        List<SqlStatement> st = split("create unique index concurrently idx ON t (a);");
        assertEquals(List.of("CREATE", "UNIQUE", "INDEX", "CONCURRENTLY", "IDX", "ON", "T", "A"), st.get(0).words());
    }

    @Test
    void wordsOfQualifiedNames() throws Exception {
        List<SqlStatement> st = split("ALTER TABLE public.m DETACH PARTITION public.m_2024 CONCURRENTLY;\nVACUUM (ANALYZE) t");
        assertEquals(List.of("ALTER", "TABLE", "PUBLIC", "M", "DETACH", "PARTITION", "PUBLIC", "M_2024", "CONCURRENTLY"),
                st.get(0).words());
        assertEquals(List.of("VACUUM", "ANALYZE", "T"), st.get(1).words());
    }

    @Test
    void wordsSkipLiteralsCommentsAndNumbers() throws Exception {
        List<SqlStatement> st = split("SELECT 'a b', \"C d\", 1e5, .5e3, E'x' /* E F */ FROM $$ G $$ -- H\n");
        assertEquals(List.of("SELECT", "FROM"), st.get(0).words());
    }

    @Test
    void wordsAreCappedAndUnmodifiable() throws Exception {
        StringBuilder text = new StringBuilder("SELECT");
        for (int i = 0; i < 100; i++) {
            text.append(" w").append(i).append(',');
        }
        text.append(" 1");
        List<String> words = split(text.toString()).get(0).words();
        assertEquals(SqlStatementReader.MAX_WORDS, words.size());
        assertEquals("SELECT", words.get(0));
        assertEquals("W62", words.get(63));
        assertThrows(UnsupportedOperationException.class, () -> words.add("X"));
    }

    // ---- scale -------------------------------------------------------------------------------

    @Test
    void manyStatementsOnOneLineSplitInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int count = 300_000;
            String text = "SELECT 1;".repeat(count);
            List<SqlStatement> st = SqlStatementReader.split(text);
            assertEquals(count, st.size());
            SqlStatement last = st.get(count - 1);
            assertEquals(1, last.line());
            assertEquals(9 * (count - 1) + 1, last.column());
        });
    }

    @Test
    void manyLinesSplitInLinearTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            int count = 300_000;
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                lines.add("INSERT INTO t VALUES (" + i + ", 'a;b', $$c;$$); -- d;");
            }
            List<SqlStatement> st = SqlStatementReader.split(String.join("\n", lines));
            assertEquals(count, st.size());
            assertEquals(count, st.get(count - 1).line());
            assertEquals("INSERT INTO t VALUES (" + (count - 1) + ", 'a;b', $$c;$$)", st.get(count - 1).sql());
        });
    }
}
