package ai.pmoves.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits a SQL file into statements the way psql does: at top-level {@code ;}, skipping
 * {@code --} comments, nesting block comments, {@code '...'}, {@code E'...'}, {@code "..."} and
 * dollar-quoted text, SQL-standard {@code BEGIN ATOMIC ... END} function bodies, and the inline
 * data of {@code COPY ... FROM STDIN}.
 *
 * <p>One pass over the text with an index; the only allocations are one substring per statement
 * (plus its copy data) and one per recorded word, so files of hundreds of MB split in linear time.
 * Not thread-safe: each {@link #split(String)} call uses its own instance.
 */
public final class SqlLexer {

    /** How many top-level words a statement keeps for classification. */
    static final int MAX_WORDS = 64;

    // Keywords the lexer itself acts on; everything else is NONE.
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

    private final String s;
    private final int n;
    private final SqlText.Cursor cursor;
    private final List<SqlStatement> statements = new ArrayList<>();

    // State of the statement being scanned; reset() clears it.
    private int start = -1;
    private final List<String> words = new ArrayList<>();
    private int wordCount;
    private boolean create;
    private boolean routine;
    private boolean copy;
    private boolean fromStdin;
    private int parenDepth;
    private int prevKeyword;
    private boolean afterDot;
    private int beginOffset;
    private int bodyDepth;
    private int bodyOpen;

    private SqlLexer(String normalized) {
        this.s = normalized;
        this.n = normalized.length();
        this.cursor = new SqlText.Cursor(normalized);
    }

    /**
     * Splits a file's text into statements.
     *
     * @param text the raw file text; it is normalized with {@link SqlText#normalize(String)} first,
     *     and all positions refer to the normalized text
     * @return the non-empty statements in file order, unmodifiable
     * @throws SqlSyntaxException on an unterminated token or a psql meta-command
     */
    public static List<SqlStatement> split(String text) throws SqlSyntaxException {
        Objects.requireNonNull(text, "text");
        return new SqlLexer(SqlText.normalize(text)).run();
    }

    private List<SqlStatement> run() throws SqlSyntaxException {
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                i++;
            } else if (c == '-' && peek(i + 1) == '-') {
                int nl = s.indexOf('\n', i + 2);
                i = nl < 0 ? n : nl;
            } else if (c == '/' && peek(i + 1) == '*') {
                i = skipBlockComment(i);
            } else if (c == ';' && bodyDepth == 0) {
                i = endStatement(i);
            } else {
                if (start < 0) {
                    start = i;
                }
                i = token(i, c);
            }
        }
        if (bodyDepth > 0) {
            throw error(bodyOpen, "unterminated BEGIN ATOMIC body opened here: add the END that closes it"
                    + " (every CASE inside needs its own END too)");
        }
        if (start >= 0) {
            // A COPY ... FROM STDIN that ends the file has no data lines.
            emit(n, copy && fromStdin ? "" : null);
        }
        return List.copyOf(statements);
    }

    /** Scans one significant token starting at {@code i}; returns the index after it. */
    private int token(int i, char c) throws SqlSyntaxException {
        if (isIdentStart(c)) {
            return identifier(i);
        }
        if (c == '\'') {
            significant();
            return skipQuoted(i, i, '\'');
        }
        if (c == '"') {
            significant();
            return skipQuoted(i, i, '"');
        }
        if (c == '$') {
            return dollar(i);
        }
        if (c == '\\') {
            throw metaCommand(i);
        }
        if (isDigit(c) || (c == '.' && isDigit(peek(i + 1)))) {
            // Numbers are skipped whole so that 1e5 yields no word E5.
            int j = i + 1;
            while (j < n && isNumberPart(s.charAt(j))) {
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

    /**
     * An identifier or keyword, or the prefix of a prefixed literal: E'..' (backslash escapes),
     * B'..', X'..', N'..', U&'..' and U&"..". Identifiers are scanned whole, so the E of
     * {@code some'x'} never starts an escape string and {@code foo$bar} holds no dollar quote.
     */
    private int identifier(int i) throws SqlSyntaxException {
        int j = i + 1;
        while (j < n && isIdentCont(s.charAt(j))) {
            j++;
        }
        if (j - i == 1) {
            char c = s.charAt(i);
            char next = peek(j);
            if (next == '\'') {
                if (c == 'e' || c == 'E') {
                    significant();
                    return skipEscapeString(i, j);
                }
                if (c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') {
                    significant();
                    return skipQuoted(i, j, '\'');
                }
            } else if ((c == 'u' || c == 'U') && next == '&') {
                char quote = peek(j + 1);
                if (quote == '\'' || quote == '"') {
                    significant();
                    return skipQuoted(i, j + 1, quote);
                }
            }
        }
        word(i, j);
        return j;
    }

    /** Records a bare word and updates the BEGIN ATOMIC and COPY ... FROM STDIN tracking. */
    private void word(int a, int b) {
        // A word after '.' is a qualified name (t.end), never a keyword.
        int keyword = afterDot ? NONE : keyword(a, b);
        if (words.size() < MAX_WORDS) {
            words.add(s.substring(a, b).toUpperCase(Locale.ROOT));
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

    private int keyword(int a, int b) {
        switch (b - a) {
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
    private boolean is(int a, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((s.charAt(a + k) | 0x20) != lower.charAt(k)) {
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
    private int dollar(int i) throws SqlSyntaxException {
        significant();
        char next = peek(i + 1);
        if (next == '$') {
            return skipDollarBody(i, "$$");
        }
        if (isDigit(next)) {
            int j = i + 2;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            return j;
        }
        if (isIdentStart(next)) {
            int k = i + 2;
            while (k < n && isDollarTagCont(s.charAt(k))) {
                k++;
            }
            if (k < n && s.charAt(k) == '$') {
                return skipDollarBody(i, s.substring(i, k + 1));
            }
        }
        // Like PostgreSQL, a $ that starts no quote is an operator character.
        return i + 1;
    }

    private int skipDollarBody(int open, String tag) throws SqlSyntaxException {
        int close = s.indexOf(tag, open + tag.length());
        if (close < 0) {
            throw error(open, "unterminated dollar-quoted string " + tag + " opened here: add the closing " + tag);
        }
        return close + tag.length();
    }

    /**
     * A {@code '} string or {@code "} identifier whose quote is at {@code quoteAt}, with the quote
     * doubled as escape; {@code open} is where its token starts (before any prefix) for errors.
     */
    private int skipQuoted(int open, int quoteAt, char quote) throws SqlSyntaxException {
        int j = quoteAt + 1;
        while (true) {
            int k = s.indexOf(quote, j);
            if (k < 0) {
                throw error(open, quote == '"'
                        ? "unterminated quoted identifier opened here: add the closing \" (write \"\" for a \" inside the name)"
                        : "unterminated string literal opened here: add the closing ' (write '' for a ' inside the string)");
            }
            if (k + 1 < n && s.charAt(k + 1) == quote) {
                j = k + 2;
            } else {
                return k + 1;
            }
        }
    }

    /** An {@code E'...'} string: backslash escapes the next char, and {@code ''} is a quote too. */
    private int skipEscapeString(int open, int quoteAt) throws SqlSyntaxException {
        int j = quoteAt + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '\'') {
                if (j + 1 < n && s.charAt(j + 1) == '\'') {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        throw error(open, "unterminated escape string E'...' opened here: add the closing '"
                + " (in an E string \\' is an escaped quote and does not close it)");
    }

    /** A block comment from {@code i}; block comments nest, as in PostgreSQL. */
    private int skipBlockComment(int i) throws SqlSyntaxException {
        int depth = 1;
        int j = i + 2;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '*' && peek(j + 1) == '/') {
                j += 2;
                if (--depth == 0) {
                    return j;
                }
            } else if (c == '/' && peek(j + 1) == '*') {
                depth++;
                j += 2;
            } else {
                j++;
            }
        }
        throw error(i, "unterminated block comment /* opened here: add the closing */"
                + " (block comments nest, so every /* inside needs its own */)");
    }

    /**
     * Ends the statement at a top-level {@code ;}. After a COPY ... FROM STDIN the rest of the line
     * is ignored and the following lines up to a {@code \.} line are its data.
     *
     * @return where scanning resumes
     */
    private int endStatement(int semi) {
        if (start < 0) {
            reset();
            return semi + 1;
        }
        if (!(copy && fromStdin)) {
            emit(semi, null);
            return semi + 1;
        }
        int nl = s.indexOf('\n', semi + 1);
        int dataStart = nl < 0 ? n : nl + 1;
        int terminator = findCopyTerminator(dataStart);
        if (terminator < 0) {
            emit(semi, s.substring(dataStart));
            return n;
        }
        emit(semi, s.substring(dataStart, terminator));
        return Math.min(n, terminator + 3);
    }

    /** Offset of the first line at or after {@code from} that is exactly {@code \.}, or -1. */
    private int findCopyTerminator(int from) {
        if (isTerminatorLine(from)) {
            return from;
        }
        int k = from;
        while ((k = s.indexOf("\n\\.", k)) >= 0) {
            if (isTerminatorLine(k + 1)) {
                return k + 1;
            }
            k++;
        }
        return -1;
    }

    private boolean isTerminatorLine(int p) {
        return s.startsWith("\\.", p) && (p + 2 == n || s.charAt(p + 2) == '\n');
    }

    private void emit(int end, String copyData) {
        int e = end;
        while (e > start && isSpace(s.charAt(e - 1))) {
            e--;
        }
        cursor.advanceTo(start);
        statements.add(new SqlStatement(s.substring(start, e), cursor.line(), cursor.column(), start, words, copyData));
        reset();
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

    private SqlSyntaxException metaCommand(int i) {
        int j = i + 1;
        while (j < n && j - i <= 32 && !isSpace(s.charAt(j)) && s.charAt(j) != '\\') {
            j++;
        }
        if (j == i + 1) {
            return error(i, "stray backslash outside a string: psql meta-commands are not supported,"
                    + " the plugin runs SQL through JDBC; remove it");
        }
        String command = s.substring(i, j);
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

    private SqlSyntaxException error(int offset, String reason) {
        int[] lineColumn = SqlText.lineAndColumn(s, offset);
        return new SqlSyntaxException(reason, lineColumn[0], lineColumn[1]);
    }

    private char peek(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    /** PostgreSQL's whitespace: space, tab, LF, CR, form feed, vertical tab. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's ident_start: ASCII letters, underscore, and every non-ASCII char. */
    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagCont(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isNumberPart(char c) {
        return isDigit(c) || c == '.' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
