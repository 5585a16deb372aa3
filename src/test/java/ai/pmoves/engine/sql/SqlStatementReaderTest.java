package ai.pmoves.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.SqlCorpus;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming scanner: the same statements as {@link SqlStatementReader#split} across every buffer boundary, and
 * flat memory.
 */
class SqlStatementReaderTest {

    @Test
    void sameStatementsAsSplitWithWindowsOfAnySize() throws Exception {
        for (String text : SqlCorpus.STATEMENTS) {
            List<SqlStatement> expected = SqlStatementReader.split(text);
            for (int capacity : new int[] {1, 2, 3, 5, 8, 13}) {
                assertEquals(expected, readAll(new OneCharAtATime(text), capacity), () -> "window " + capacity + ": " + text);
            }
        }
    }

    @Test
    void errorsAreAtTheSamePlaceWithWindowsOfAnySize() {
        for (String text : List.of("SELECT 1;\nSELECT 'abc;\n", "SELECT 1; /* a /* b */ ;\nSELECT 2;",
                "COPY t FROM STDIN;\n1\n2\n\\.\n\n  \\i other.sql\n", "SELECT 1;\r\n\r\nCREATE FUNCTION f() AS $fn$ SELECT 1; $$;")) {
            SqlSyntaxException expected = assertThrows(SqlSyntaxException.class, () -> SqlStatementReader.split(text));
            for (int capacity : new int[] {1, 2, 7}) {
                SqlSyntaxException e = assertThrows(SqlSyntaxException.class,
                        () -> readAll(new OneCharAtATime(text), capacity));
                assertEquals(expected.getMessage(), e.getMessage());
            }
        }
        SqlSyntaxException e = assertThrows(SqlSyntaxException.class,
                () -> SqlStatementReader.split("COPY t FROM STDIN;\n1\n2\n\\.\n\n  \\i other.sql\n"));
        assertEquals(6, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void copyDataIsAReaderThatEndsAtTheTerminatorLine() throws Exception {
        try (SqlStatementReader reader = new SqlStatementReader(
                new StringReader("SELECT 1;\nCOPY t FROM stdin;\n1\t\\N\n2\ta\\tb\n\\.\nSELECT 2;\n"))) {
            assertNull(reader.next().copyData());
            assertNull(reader.copyData(), "SELECT has no data");
            SqlStatement copy = reader.next();
            assertEquals("COPY t FROM stdin", copy.sql());
            assertNull(copy.copyData(), "a streamed statement carries no data string");
            assertEquals(3, reader.copyDataLine());
            assertEquals("1\t\\N\n2\ta\\tb\n", drain(reader.copyData()));
            assertEquals(-1, reader.copyData().read(), "the data stays ended");
            SqlStatement after = reader.next();
            assertEquals("SELECT 2", after.sql());
            assertEquals(6, after.line());
            assertNull(reader.next());
        }
    }

    @Test
    void unreadCopyDataIsSkipped() throws Exception {
        try (SqlStatementReader reader = new SqlStatementReader(
                new StringReader("COPY t FROM stdin;\n1\n2\n\\.\nSELECT 2;\nCOPY u FROM stdin;\nx"))) {
            reader.next();
            char[] two = new char[2];
            assertEquals(2, reader.copyData().read(two));
            assertEquals("SELECT 2", reader.next().sql());
            assertEquals("COPY u FROM stdin", reader.next().sql());
            assertEquals(7, reader.copyDataLine());
            assertEquals("x", drain(reader.copyData()), "the last line has no newline and no terminator");
            assertNull(reader.next());
        }
    }

    @Test
    void copyDataOfAnySizeStreamsThroughAFixedWindow() throws Exception {
        int rows = 1_000_000; // about 30 MB of data lines
        Reader text = new GeneratedSeed(rows);
        try (SqlStatementReader reader = new SqlStatementReader(text)) {
            assertEquals("COPY t (id, name) FROM stdin", reader.next().sql());
            Reader data = reader.copyData();
            char[] chunk = new char[65_536];
            long chars = 0;
            long lines = 0;
            for (int n; (n = data.read(chunk)) >= 0; ) {
                chars += n;
                for (int k = 0; k < n; k++) {
                    lines += chunk[k] == '\n' ? 1 : 0;
                }
            }
            assertEquals(rows, lines);
            assertTrue(chars > 25_000_000, "generated " + chars);
            SqlStatement last = reader.next();
            assertEquals("SELECT count(*) FROM t", last.sql());
            assertEquals(rows + 3, last.line(), "line numbers count every data line");
            assertTrue(reader.windowCapacity() <= 2 * 65_536 + 1, "window grew to " + reader.windowCapacity());
        }
    }

    @Test
    void windowHoldsTheLargestStatementNotTheFile() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 200; s++) {
            text.append("INSERT INTO t VALUES");
            for (int r = 0; r < 100; r++) {
                text.append(r == 0 ? "\n  (" : ",\n  (").append(s * 100 + r).append(", 'row; ").append(r).append("')");
            }
            text.append(";\n");
        }
        try (SqlStatementReader reader = new SqlStatementReader(new StringReader(text.toString()), 64)) {
            int statements = 0;
            int longest = 0;
            for (SqlStatement s; (s = reader.next()) != null; ) {
                statements++;
                longest = Math.max(longest, s.sql().length());
                assertEquals(1 + (statements - 1) * 101, s.line());
            }
            assertEquals(200, statements);
            assertTrue(reader.windowCapacity() <= 4 * longest, reader.windowCapacity() + " for statements of " + longest);
            assertTrue(text.length() > 50 * reader.windowCapacity(), "the file is far larger than the window");
        }
    }

    @Test
    void lineSaysWhereTheReadingWasWhenTheJvmRatherThanTheTextStoppedIt() throws Exception {
        String text = "SELECT 1;\n-- two\nSELECT 2;\n\nINSERT INTO t VALUES ('a line longer than the heap holds";
        for (int capacity : new int[] {1, 7, 1 << 16}) {
            SqlStatementReader reader = new SqlStatementReader(thenOutOfMemory(text), capacity);
            assertEquals(1, reader.next().line());
            assertEquals(1, reader.line(), "the statement running");
            assertEquals(3, reader.next().line());
            assertEquals(3, reader.line(), "window " + capacity);
            assertThrows(OutOfMemoryError.class, reader::next);
            assertEquals(5, reader.line(), "the statement being read, window " + capacity);
        }
        SqlStatementReader reader = new SqlStatementReader(thenOutOfMemory("SELECT 1;\n\n-- a comment as long"), 4);
        reader.next();
        assertThrows(OutOfMemoryError.class, reader::next);
        assertEquals(3, reader.line(), "the comment being read, between statements");
    }

    @Test
    void crlfSplitAcrossReadsAndBomAloneNormalize() throws Exception {
        assertEquals(List.of("SELECT 1", "SELECT 2"),
                sqls(readAll(new OneCharAtATime("\uFEFFSELECT 1;\r\n\n\rSELECT 2;\r"), 1)));
        assertEquals(4, readAll(new OneCharAtATime("\uFEFFSELECT 1;\r\n\n\rSELECT 2;\r"), 1).get(1).line());
        assertEquals(List.of(), readAll(new OneCharAtATime("\uFEFF"), 4));
    }

    @Test
    void closingClosesTheUnderlyingReader() throws Exception {
        boolean[] closed = {false};
        Reader raw = new StringReader("SELECT 1;") {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (SqlStatementReader reader = new SqlStatementReader(raw)) {
            assertNotNull(reader.next());
        }
        assertTrue(closed[0]);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Every statement, with COPY data put into the statement as split does, so the two compare equal. */
    static List<SqlStatement> readAll(Reader text, int capacity) throws IOException, SqlSyntaxException {
        List<SqlStatement> statements = new ArrayList<>();
        try (SqlStatementReader reader = new SqlStatementReader(text, capacity)) {
            for (SqlStatement s; (s = reader.next()) != null; ) {
                statements.add(reader.copyData() == null ? s
                        : new SqlStatement(s.sql(), s.line(), s.column(), s.offset(), s.words(), drain(reader.copyData())));
            }
        }
        return statements;
    }

    private static List<String> sqls(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::sql).toList();
    }

    static String drain(Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] chunk = new char[3];
        for (int n; (n = reader.read(chunk)) >= 0; ) {
            sb.append(chunk, 0, n);
        }
        return sb.toString();
    }

    /** A COPY seed of {@code rows} rows made on the fly, never held: the text of a file too large for the heap. */
    private static final class GeneratedSeed extends Reader {
        private final int rows;
        private int row = -1;
        private String pending = "COPY t (id, name) FROM stdin;\n";
        private int at;

        GeneratedSeed(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (at == pending.length()) {
                row++;
                if (row < rows) {
                    pending = row + "\tname " + row + "\\twith a tab\n";
                } else if (row == rows) {
                    pending = "\\.\nSELECT count(*) FROM t;\n";
                } else {
                    return -1;
                }
                at = 0;
            }
            int n = Math.min(len, pending.length() - at);
            pending.getChars(at, at + n, cbuf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** The text, then the OutOfMemoryError a window that cannot grow any more would throw. */
    private static Reader thenOutOfMemory(String text) {
        return new FilterReader(new StringReader(text)) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                int n = super.read(cbuf, off, len);
                if (n < 0) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return n;
            }
        };
    }
}
