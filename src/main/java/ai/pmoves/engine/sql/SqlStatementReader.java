package ai.pmoves.engine.sql;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.io.IOUtils;

/**
 * Reads a SQL text one statement at a time, the way psql splits it: at top-level {@code ;}, skipping {@code --}
 * comments, nesting block comments, {@code '...'}, {@code E'...'}, {@code "..."} and dollar-quoted text,
 * SQL-standard {@code BEGIN ATOMIC ... END} function bodies, and the inline data of {@code COPY ... FROM STDIN},
 * which it hands out as a {@link Reader} instead of a string. Where each token ends is {@link SqlLexer}'s rule, the
 * one {@link SqlTokens} follows too; this reader decides what an unterminated one means (a
 * {@link SqlSyntaxException} at its opening). {@link #split(String)} drains it into a list.
 *
 * <p>Memory holds the statement being scanned, not the text: a seed file of any size streams through, its COPY
 * data straight from the file to the driver. Positions refer to the normalized text (see
 * {@link SqlText#normalize(String)}; the reader normalizes as it reads).
 *
 * <pre>{@code
 * try (SqlStatementReader reader = new SqlStatementReader(fileReader)) {
 *     for (SqlStatement s; (s = reader.next()) != null; ) {
 *         Reader data = reader.copyData();
 *         if (data != null) copyManager.copyIn(s.sql(), data); else statement.execute(s.sql());
 *     }
 * }
 * }</pre>
 *
 * Not thread-safe.
 */
public final class SqlStatementReader implements Closeable {

    /** How many top-level words a statement keeps for classification. */
    static final int MAX_WORDS = 64;

    private static final int DEFAULT_CAPACITY = 1 << 16;

    // Keywords the scanner itself acts on; everything else is NONE.
    private static final int NONE = 0;
    private static final int BEGIN = 1;
    private static final int ATOMIC = 2;
    private static final int CASE = 3;
    private static final int END = 4;
    private static final int CREATE = 5;
    private static final int FUNCTION = 6;
    private static final int PROCEDURE = 7;
    private static final int COPY = 8;
    private static final int FROM = 9;
    private static final int STDIN = 10;

    private final Reader in;
    private final CharWindow w;
    /** Where scanning resumes. */
    private long pos;
    /** The data of the COPY statement last returned, or null. */
    private CopyData copyData;

    // State of the statement being scanned; reset() clears it.
    private long start = -1;
    private final List<String> words = new ArrayList<>();
    private int wordCount;
    private boolean create;
    private boolean routine;
    private boolean copy;
    private boolean fromStdin;
    private int parenDepth;
    private int prevKeyword;
    private boolean afterDot;
    private long beginOffset;
    private int bodyDepth;
    private long bodyOpen;

    /** Reads statements from raw text: a leading BOM is dropped and CRLF/CR read as LF. Closing closes {@code raw}. */
    public SqlStatementReader(Reader raw) {
        this(raw, DEFAULT_CAPACITY);
    }

    /** With the window's initial size in chars: tests use tiny ones to cross every buffer boundary. */
    SqlStatementReader(Reader raw, int capacity) {
        this(capacity, new NormalizingReader(Objects.requireNonNull(raw, "raw")));
    }

    private SqlStatementReader(int capacity, Reader text) {
        this.in = text;
        this.w = new CharWindow(text, capacity);
    }

    /** Over a text already in memory: the window is the text itself, with no buffer to fill and nothing to copy. */
    private SqlStatementReader(String normalized) {
        this.in = Reader.nullReader();
        this.w = CharWindow.of(normalized);
    }

    /**
     * Reads statements from text that is normalized already (no BOM, LF line ends), such as a file read through a
     * {@code ChecksumInputStream}: it skips a pass over every char, which counts for seeds of gigabytes.
     */
    public static SqlStatementReader ofNormalized(Reader normalized) {
        return new SqlStatementReader(DEFAULT_CAPACITY, Objects.requireNonNull(normalized, "normalized"));
    }

    /**
     * Splits a whole SQL text into statements, COPY data included, for files small enough to hold: migrations, which
     * are checked whole before any runs. Seeds of any size are streamed through a reader instead.
     *
     * @param text the raw file text; it is normalized with {@link SqlText#normalize(String)} first,
     *     and all positions refer to the normalized text
     * @return the non-empty statements in file order, with the data of each COPY ... FROM STDIN in
     *     {@link SqlStatement#copyData()}, unmodifiable
     * @throws SqlSyntaxException on an unterminated token or a psql meta-command
     */
    public static List<SqlStatement> split(String text) throws SqlSyntaxException {
        Objects.requireNonNull(text, "text");
        List<SqlStatement> statements = new ArrayList<>();
        // a migration is lexed whole, before any runs: a 64K window per file was most of the time to split a thousand
        try (SqlStatementReader reader = new SqlStatementReader(SqlText.normalize(text))) {
            for (SqlStatement s; (s = reader.next()) != null; ) {
                Reader data = reader.copyData();
                statements.add(data == null ? s : new SqlStatement(s.sql(), s.line(), s.column(), s.offset(), s.words(),
                        IOUtils.toString(data)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a text in memory does not fail", e);
        }
        return List.copyOf(statements);
    }

    /**
     * The next non-empty statement, or null at the end of the text. Data of the previous COPY that was not read is
     * skipped first.
     *
     * @throws SqlSyntaxException on an unterminated token or a psql meta-command
     * @throws IOException when the underlying reader fails (e.g. a file that is not valid UTF-8)
     */
    public SqlStatement next() throws IOException, SqlSyntaxException {
        if (copyData != null) {
            copyData.skipRest();
            copyData = null;
        }
        long i = pos;
        while (w.has(i)) {
            if (start < 0) {
                w.release(i);
            }
            char c = w.at(i);
            if (SqlLexer.isSpace(c)) {
                i++;
            } else if (SqlLexer.startsLineComment(w, i)) {
                i = SqlLexer.lineCommentEnd(w, i);
            } else if (SqlLexer.startsBlockComment(w, i)) {
                i = blockComment(i);
            } else if (c == ';' && bodyDepth == 0) {
                if (start < 0) {
                    reset();
                    i++;
                } else {
                    return endStatement(i);
                }
            } else {
                if (start < 0) {
                    start = i;
                }
                i = token(i, c);
            }
        }
        pos = i;
        if (bodyDepth > 0) {
            throw error(bodyOpen, "unterminated BEGIN ATOMIC body opened here: add the END that closes it"
                    + " (every CASE inside needs its own END too)");
        }
        if (start < 0) {
            return null;
        }
        // A COPY ... FROM STDIN that ends the text has no data lines.
        boolean copyFromStdin = copy && fromStdin;
        SqlStatement statement = emit(w.end());
        if (copyFromStdin) {
            copyData = new CopyData(w.end());
        }
        return statement;
    }

    /**
     * The inline data of the statement {@link #next()} last returned, if it is a {@code COPY ... FROM STDIN}: its data
     * lines, each with its {@code \n}, up to (not including) the {@code \.} line, or to the end of the text. Read it
     * before calling {@link #next()} again, which skips what is left. Closing it does not close this reader.
     *
     * @return the data, or null when the last statement is not a COPY from STDIN
     */
    public Reader copyData() {
        return copyData;
    }

    /** The 1-based line of the first data line of the last COPY statement (of the end of the text when it has none). */
    public int copyDataLine() {
        return copyData == null ? 0 : copyData.firstLine;
    }

    /**
     * The 1-based line the reader got to: where the statement being read starts, or, between statements, where the
     * reading is (the last statement returned, or its COPY data). It places a failure that is not the text's, such as
     * the JVM running out of memory on a statement longer than the heap holds, in the middle of {@link #next()}.
     */
    public int line() {
        return w.lineAtOrAfter(start);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The window's size in chars, for tests that check memory stays flat. */
    int windowCapacity() {
        return w.capacity();
    }

    /** Scans one significant token starting at {@code i}; returns the offset after it. */
    private long token(long i, char c) throws IOException, SqlSyntaxException {
        if (SqlLexer.isIdentStart(c)) {
            return identifier(i);
        }
        if (c == '\'' || c == '"') {
            significant();
            long end = SqlLexer.quotedEnd(w, i);
            if (end == SqlLexer.UNTERMINATED) {
                throw unterminatedLiteral(i, i);
            }
            return end;
        }
        if (c == '$') {
            return dollar(i);
        }
        if (c == '\\') {
            throw metaCommand(i);
        }
        if (c == '\0') {
            throw error(i, "a NUL character (U+0000), which PostgreSQL text cannot hold: the file is probably UTF-16"
                    + " (every other byte 0) or binary; save it as UTF-8");
        }
        if (SqlLexer.startsNumber(c, w, i)) {
            // Read whole, so that 1e5 yields no word E5; the run is scanned here for the reason a word's is.
            long j = i + 1;
            while (w.has(j) && SqlLexer.isNumberPart(w.at(j))) {
                j++;
            }
            significant();
            return j;
        }
        significant();
        if (c == '(') {
            parenDepth++;
        } else if (c == ')' && parenDepth > 0) {
            parenDepth--;
        } else if (c == '.') {
            afterDot = true;
        }
        return i + 1;
    }

    /** An identifier or keyword, or the prefix of a prefixed literal such as E'..' or U&"..". */
    private long identifier(long i) throws IOException, SqlSyntaxException {
        // The run is scanned here, not by a call: words are the most frequent token, and through a call the first JIT
        // tiers read a large file measurably slower (bench/reader-bench.sh).
        long j = i + 1;
        while (w.has(j) && SqlLexer.isIdentCont(w.at(j))) {
            j++;
        }
        long quoteAt = SqlLexer.prefixedQuote(w, i, j);
        if (quoteAt >= 0) {
            significant();
            long end = SqlLexer.literalEnd(w, i, quoteAt);
            if (end == SqlLexer.UNTERMINATED) {
                throw unterminatedLiteral(i, quoteAt);
            }
            return end;
        }
        word(i, j);
        return j;
    }

    /** Records a bare word and updates the BEGIN ATOMIC and COPY ... FROM STDIN tracking. */
    private void word(long a, long b) {
        // A word after '.' is a qualified name (t.end), never a keyword.
        int keyword = afterDot ? NONE : keyword(a, b);
        if (words.size() < MAX_WORDS) {
            words.add(w.text(a, b).toUpperCase(Locale.ROOT));
        }
        // Flags use every word, not only the first 64: a long column or parameter list
        // can push FROM STDIN or BEGIN ATOMIC far back.
        if (wordCount++ == 0) {
            create = keyword == CREATE;
            copy = keyword == COPY;
        }
        if (bodyDepth > 0) {
            if (keyword == CASE) {
                bodyDepth++;
            } else if (keyword == END) {
                bodyDepth--;
            }
        } else if (keyword == ATOMIC && prevKeyword == BEGIN && create && routine && parenDepth == 0) {
            bodyDepth = 1;
            bodyOpen = beginOffset;
        }
        if (keyword == FUNCTION || keyword == PROCEDURE) {
            routine = true;
        } else if (keyword == STDIN && prevKeyword == FROM && copy && parenDepth == 0) {
            fromStdin = true;
        } else if (keyword == BEGIN) {
            beginOffset = a;
        }
        prevKeyword = keyword;
        afterDot = false;
    }

    private int keyword(long a, long b) {
        switch ((int) Math.min(b - a, 10)) {
            case 3:
                return is(a, "end") ? END : NONE;
            case 4:
                return is(a, "case") ? CASE : is(a, "copy") ? COPY : is(a, "from") ? FROM : NONE;
            case 5:
                return is(a, "begin") ? BEGIN : is(a, "stdin") ? STDIN : NONE;
            case 6:
                return is(a, "atomic") ? ATOMIC : is(a, "create") ? CREATE : NONE;
            case 8:
                return is(a, "function") ? FUNCTION : NONE;
            case 9:
                return is(a, "procedure") ? PROCEDURE : NONE;
            default:
                return NONE;
        }
    }

    /** ASCII-only case-insensitive match, as PostgreSQL folds keywords (no Unicode folding). */
    private boolean is(long a, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((w.at(a + k) | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A token that is not a word: breaks keyword sequences such as BEGIN ATOMIC and FROM STDIN. */
    private void significant() {
        prevKeyword = NONE;
        afterDot = false;
    }

    /** {@code $$..$$} and {@code $tag$..$tag$} bodies, {@code $1} parameters, or a lone {@code $}. */
    private long dollar(long i) throws IOException, SqlSyntaxException {
        significant();
        long tagEnd = SqlLexer.dollarTagEnd(w, i);
        if (tagEnd >= 0) {
            long end = SqlLexer.dollarQuoteEnd(w, i, tagEnd);
            if (end == SqlLexer.UNTERMINATED) {
                String tag = w.text(i, tagEnd);
                throw error(i, "unterminated dollar-quoted string " + tag + " opened here: add the closing " + tag);
            }
            return end;
        }
        long parameterEnd = SqlLexer.parameterEnd(w, i);
        // Like PostgreSQL, a $ that starts no quote is an operator character.
        return parameterEnd >= 0 ? parameterEnd : i + 1;
    }

    /** The error for a literal whose token starts at {@code open} (at its prefix, if any), its quote at {@code quoteAt}. */
    private SqlSyntaxException unterminatedLiteral(long open, long quoteAt) {
        if (w.at(quoteAt) == '"') {
            return error(open, "unterminated quoted identifier opened here: add the closing \""
                    + " (write \"\" for a \" inside the name)");
        }
        if (SqlLexer.isEscapeString(w, open, quoteAt)) {
            return error(open, "unterminated escape string E'...' opened here: add the closing '"
                    + " (in an E string \\' is an escaped quote and does not close it)");
        }
        return error(open, "unterminated string literal opened here: add the closing '"
                + " (write '' for a ' inside the string)");
    }

    private long blockComment(long i) throws IOException, SqlSyntaxException {
        long end = SqlLexer.blockCommentEnd(w, i);
        if (end == SqlLexer.UNTERMINATED) {
            throw error(i, "unterminated block comment /* opened here: add the closing */"
                    + " (block comments nest, so every /* inside needs its own */)");
        }
        return end;
    }

    /**
     * Ends the statement at a top-level {@code ;}. After a COPY ... FROM STDIN the rest of the line is ignored and
     * the following lines up to a {@code \.} line are its data, read through {@link #copyData()}.
     */
    private SqlStatement endStatement(long semi) throws IOException {
        boolean copyFromStdin = copy && fromStdin;
        SqlStatement statement = emit(semi);
        if (!copyFromStdin) {
            pos = semi + 1;
            return statement;
        }
        long nl = w.indexOf('\n', semi + 1);
        copyData = new CopyData(nl < 0 ? w.end() : nl + 1);
        return statement;
    }

    private SqlStatement emit(long end) {
        long e = end;
        while (e > start && SqlLexer.isSpace(w.at(e - 1))) {
            e--;
        }
        int[] lineColumn = w.lineAndColumn(start);
        SqlStatement statement = new SqlStatement(w.text(start, e), lineColumn[0], lineColumn[1],
                (int) Math.min(start, Integer.MAX_VALUE), words, null);
        reset();
        return statement;
    }

    private void reset() {
        start = -1;
        words.clear();
        wordCount = 0;
        create = false;
        routine = false;
        copy = false;
        fromStdin = false;
        parenDepth = 0;
        prevKeyword = NONE;
        afterDot = false;
        bodyDepth = 0;
    }

    private SqlSyntaxException metaCommand(long i) throws IOException {
        long j = i + 1;
        while (w.has(j) && j - i <= 32 && !SqlLexer.isSpace(w.at(j)) && w.at(j) != '\\') {
            j++;
        }
        if (j == i + 1) {
            return error(i, "stray backslash outside a string: psql meta-commands are not supported,"
                    + " the plugin runs SQL through JDBC; remove it");
        }
        String command = w.text(i, j);
        return error(i, "psql meta-command " + command + " is not supported: the plugin runs SQL through JDBC; "
                + metaCommandHint(command.substring(1)));
    }

    private static String metaCommandHint(String name) {
        switch (name) {
            case "i":
            case "ir":
            case "include":
            case "include_relative":
                return "inline the file or split it into migrations";
            case "set":
            case "unset":
                return "psql variables are not available, write the value into the SQL";
            case "c":
            case "connect":
                return "every file runs on the configured connection, point the plugin at that database instead";
            case "copy":
                return "use COPY ... FROM STDIN with the data inline after it, ended by a \\. line";
            default:
                return "remove it or write it as SQL";
        }
    }

    private SqlSyntaxException error(long offset, String reason) {
        int[] lineColumn = w.lineAndColumn(offset);
        return new SqlSyntaxException(reason, lineColumn[0], lineColumn[1]);
    }

    /**
     * The inline data of one COPY: the lines from {@code p} up to a line that is exactly {@code \.}, or to the end of
     * the text. Releases what it hands out, so the window never holds more than a buffer of it.
     */
    private final class CopyData extends Reader {
        private long p;
        private boolean atLineStart = true;
        private boolean done;
        private final int firstLine;

        CopyData(long from) {
            this.p = from;
            w.release(from);
            this.firstLine = w.lineAndColumn(from)[0];
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            int copied = 0;
            while (copied < len) {
                if (atLineStart && atTerminator()) {
                    finish(w.has(p + 2) ? p + 3 : p + 2);
                    break;
                }
                // In one go up to a line that starts with a backslash, the only kind that can be the \. line.
                int n = w.copyUpToLineStartingWith('\\', p, cbuf, off + copied, len - copied);
                if (n < 0) {
                    finish(p);
                    break;
                }
                atLineStart = cbuf[off + copied + n - 1] == '\n';
                p += n;
                copied += n;
                w.release(p);
            }
            return copied == 0 && done ? -1 : copied;
        }

        private boolean atTerminator() throws IOException {
            return w.peek(p) == '\\' && w.peek(p + 1) == '.' && (!w.has(p + 2) || w.at(p + 2) == '\n');
        }

        private void finish(long resumeAt) {
            done = true;
            pos = resumeAt;
            w.release(resumeAt);
        }

        /** Reads past what the caller left, so the next statement starts after the data. */
        void skipRest() throws IOException {
            char[] sink = new char[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }

        @Override
        public void close() {
            // The data belongs to the statement reader; closing it must not close the file.
        }
    }
}
