package ai.pmoves.engine.sql;

import java.io.IOException;

/**
 * PostgreSQL's lexical rules, each coded once: where a quoted literal, a dollar-quoted body, a comment or a parameter
 * that starts at an offset ends, and which chars start and continue a word or a number. {@link SqlStatementReader}
 * splits a streamed file into statements with them and {@link SqlTokens} cuts a statement into tokens, so the two
 * cannot disagree on where a token ends.
 *
 * <p>Each rule takes the text and the offset its token starts at and returns the offset just past the token. When
 * the text ends before the token does it returns {@link #UNTERMINATED} and the caller decides what that means: the
 * reader fails with the file's line and column, the tokens, read from a statement the reader has checked or from a
 * function body, let the token run to the end. The text is a {@link CharWindow}, which reads ahead as far as a rule
 * asks, so the rules work on a file streamed through a window of any size as on a statement held whole; the char a
 * rule starts at must have been read already, as it is by the caller that looked at it to pick the rule.
 */
final class SqlLexer {

    /** What a rule returns when the text ends inside its token. */
    static final long UNTERMINATED = -1;

    private SqlLexer() {
    }

    /** Whether a {@code --} comment starts at {@code at}. */
    static boolean startsLineComment(CharWindow t, long at) throws IOException {
        return t.at(at) == '-' && t.peek(at + 1) == '-';
    }

    /** Whether a block comment starts at {@code at}. */
    static boolean startsBlockComment(CharWindow t, long at) throws IOException {
        return t.at(at) == '/' && t.peek(at + 1) == '*';
    }

    /** Whether a number starts at {@code at}, where the char is {@code c}: a digit, or a {@code .} before a digit. */
    static boolean startsNumber(char c, CharWindow t, long at) throws IOException {
        return isDigit(c) || c == '.' && isDigit(t.peek(at + 1));
    }

    /** The end of a {@code --} comment: the LF that ends its line (not part of it), or the end of the text. */
    static long lineCommentEnd(CharWindow t, long at) throws IOException {
        long lf = t.indexOf('\n', at + 2);
        return lf < 0 ? t.end() : lf;
    }

    /** The end of a block comment; they nest, as in PostgreSQL, so every {@code /*} inside needs its own close. */
    static long blockCommentEnd(CharWindow t, long at) throws IOException {
        int depth = 1;
        long j = at + 2;
        while (t.has(j)) {
            char c = t.at(j);
            if (c == '*' && t.peek(j + 1) == '/') {
                j += 2;
                if (--depth == 0) {
                    return j;
                }
            } else if (c == '/' && t.peek(j + 1) == '*') {
                depth++;
                j += 2;
            } else {
                j++;
            }
        }
        return UNTERMINATED;
    }

    /**
     * The end of a quoted literal whose token starts at {@code start} (at its prefix, if it has one) and whose quote is
     * at {@code quoteAt}: {@code '…'} and {@code "…"} with the quote doubled inside, and the {@code E'…'} string,
     * where a backslash escapes the next char as well.
     */
    static long literalEnd(CharWindow t, long start, long quoteAt) throws IOException {
        return isEscapeString(t, start, quoteAt) ? escapeStringEnd(t, quoteAt) : quotedEnd(t, quoteAt);
    }

    /** Whether the literal whose token starts at {@code start} and whose quote is at {@code quoteAt} is an E string. */
    static boolean isEscapeString(CharWindow t, long start, long quoteAt) {
        return quoteAt == start + 1 && (t.at(start) | 0x20) == 'e';
    }

    /** {@code '…'} or {@code "…"} from its quote at {@code quoteAt}, the quote doubled inside; a backslash is text. */
    static long quotedEnd(CharWindow t, long quoteAt) throws IOException {
        char quote = t.at(quoteAt);
        long j = quoteAt + 1;
        while (true) {
            long k = t.indexOf(quote, j);
            if (k < 0) {
                return UNTERMINATED;
            }
            if (t.peek(k + 1) != quote) {
                return k + 1;
            }
            j = k + 2;
        }
    }

    /** {@code E'…'} from its quote at {@code quoteAt}: a backslash escapes the next char, and {@code ''} is a quote. */
    static long escapeStringEnd(CharWindow t, long quoteAt) throws IOException {
        long j = quoteAt + 1;
        while (t.has(j)) {
            char c = t.at(j);
            if (c == '\\') {
                j += 2;
            } else if (c != '\'') {
                j++;
            } else if (t.peek(j + 1) == '\'') {
                j += 2;
            } else {
                return j + 1;
            }
        }
        return UNTERMINATED;
    }

    /**
     * Where the quote of a prefixed literal opens, when the word from {@code start} to {@code end} is its prefix:
     * {@code E'…'} (backslash escapes), {@code B'…'}, {@code X'…'}, {@code N'…'}, {@code U&'…'} and {@code U&"…"}.
     * -1 when the word is just a word: only a word of one letter can be a prefix, so the {@code e} of
     * {@code some'x'} never opens an E string.
     */
    static long prefixedQuote(CharWindow t, long start, long end) throws IOException {
        // Small enough to be inlined by the first JIT tier: most words are longer than one letter.
        return end - start == 1 ? quoteAfterLetter(t, start) : -1;
    }

    private static long quoteAfterLetter(CharWindow t, long start) throws IOException {
        long end = start + 1;
        char letter = (char) (t.at(start) | 0x20);
        char next = t.peek(end);
        if (next == '\'') {
            return letter == 'e' || letter == 'b' || letter == 'x' || letter == 'n' ? end : -1;
        }
        if (letter == 'u' && next == '&') {
            char quote = t.peek(end + 1);
            return quote == '\'' || quote == '"' ? end + 1 : -1;
        }
        return -1;
    }

    /**
     * The end of the tag of the dollar quote that opens at {@code at} ({@code $$} or {@code $tag$}), just past its
     * second {@code $}; -1 when this {@code $} opens none (a parameter such as {@code $1}, or an operator char).
     */
    static long dollarTagEnd(CharWindow t, long at) throws IOException {
        char next = t.peek(at + 1);
        if (next == '$') {
            return at + 2;
        }
        if (!isIdentStart(next)) {
            return -1;
        }
        long k = at + 2;
        while (t.has(k) && isDollarTagCont(t.at(k))) {
            k++;
        }
        return t.peek(k) == '$' ? k + 1 : -1;
    }

    /** The end of a dollar-quoted string whose tag runs from {@code at} to {@code tagEnd}: past the same tag again. */
    static long dollarQuoteEnd(CharWindow t, long at, long tagEnd) throws IOException {
        String tag = t.text(at, tagEnd);
        long close = t.indexOf(tag, tagEnd);
        return close < 0 ? UNTERMINATED : close + tag.length();
    }

    /** The end of a positional parameter such as {@code $1} at {@code at}; -1 when no digit follows the {@code $}. */
    static long parameterEnd(CharWindow t, long at) throws IOException {
        long j = at + 1;
        while (t.has(j) && isDigit(t.at(j))) {
            j++;
        }
        return j == at + 1 ? -1 : j;
    }

    /** PostgreSQL's whitespace: space, tab, LF, CR, form feed, vertical tab. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's ident_start: ASCII letters, underscore, and every non-ASCII char. */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** The chars of a word after its first: a {@code $} is one, so {@code foo$bar} holds no dollar quote. */
    static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDollarTagCont(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    /**
     * The chars of a number after its first: ASCII letters stuck to it are part of it (so {@code 1e5} holds no word
     * {@code e5}), but not other letters, which start a word.
     */
    static boolean isNumberPart(char c) {
        return isDigit(c) || c == '.' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
