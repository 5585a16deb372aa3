package ai.pmoves.engine.sql;

import ai.pmoves.engine.sql.SqlToken.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one statement, for code that must see names and keywords but never the inside of a string, a comment
 * or a dollar body (the linter). Reads the {@code sql} of a {@link SqlStatement}, which {@link SqlStatementReader} has
 * already checked, by the same rules ({@link SqlLexer}), so it never fails: an unterminated quote or comment (possible
 * only inside a function body read with {@link #inside}) just runs to the end of the text.
 *
 * <p>A dollar-quoted string is one token; {@link #inside(SqlToken)} reads its body as code, for DO blocks and
 * function bodies.
 */
public final class SqlTokens {
    private final CharWindow t;
    private final long end;
    private final int base;
    private final List<SqlToken> tokens = new ArrayList<>();

    private SqlTokens(String text, int base) {
        this.t = CharWindow.of(text);
        this.end = text.length();
        this.base = base;
    }

    /** The tokens of a statement's text; offsets are relative to that text. */
    public static List<SqlToken> of(String sql) {
        return new SqlTokens(sql, 0).run();
    }

    /** The tokens of a dollar-quoted body, read as SQL; offsets stay relative to the text {@code body} came from. */
    public static List<SqlToken> inside(SqlToken body) {
        if (body.kind() != Kind.DOLLAR_STRING) {
            throw new IllegalArgumentException("not a dollar-quoted string: " + body.text());
        }
        return new SqlTokens(body.body(), body.bodyOffset()).run();
    }

    private List<SqlToken> run() {
        try {
            long i = 0;
            while (i < end) {
                char c = t.at(i);
                if (SqlLexer.isSpace(c)) {
                    i++;
                } else if (SqlLexer.startsLineComment(t, i)) {
                    i = SqlLexer.lineCommentEnd(t, i);
                } else if (SqlLexer.startsBlockComment(t, i)) {
                    i = orEnd(SqlLexer.blockCommentEnd(t, i));
                } else {
                    i = token(i, c);
                }
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException("a text in memory is not read", e);
        }
    }

    /** Adds the token that starts at {@code i}; returns the offset after it. */
    private long token(long i, char c) throws IOException {
        if (c == '\'' || c == '"') {
            return add(c == '"' ? Kind.QUOTED_NAME : Kind.STRING, i, SqlLexer.literalEnd(t, i, i));
        }
        if (c == '$') {
            long tagEnd = SqlLexer.dollarTagEnd(t, i);
            if (tagEnd >= 0) {
                return add(Kind.DOLLAR_STRING, i, SqlLexer.dollarQuoteEnd(t, i, tagEnd));
            }
            long parameterEnd = SqlLexer.parameterEnd(t, i);
            return parameterEnd >= 0 ? add(Kind.PARAMETER, i, parameterEnd) : add(Kind.SYMBOL, i, i + 1);
        }
        if (SqlLexer.isIdentStart(c)) {
            long wordEnd = i + 1;
            while (t.has(wordEnd) && SqlLexer.isIdentCont(t.at(wordEnd))) {
                wordEnd++;
            }
            long quoteAt = SqlLexer.prefixedQuote(t, i, wordEnd);
            if (quoteAt < 0) {
                return add(Kind.WORD, i, wordEnd);
            }
            return add(t.at(quoteAt) == '"' ? Kind.QUOTED_NAME : Kind.STRING, i, SqlLexer.literalEnd(t, i, quoteAt));
        }
        if (SqlLexer.startsNumber(c, t, i)) {
            long numberEnd = i + 1;
            while (t.has(numberEnd) && SqlLexer.isNumberPart(t.at(numberEnd))) {
                numberEnd++;
            }
            return add(Kind.NUMBER, i, numberEnd);
        }
        return add(Kind.SYMBOL, i, i + 1);
    }

    /** Adds the token from {@code start} to {@code tokenEnd}, or to the end of the text when it is unterminated. */
    private long add(Kind kind, long start, long tokenEnd) {
        long stop = orEnd(tokenEnd);
        tokens.add(new SqlToken(kind, t.text(start, stop), base + (int) start));
        return stop;
    }

    private long orEnd(long tokenEnd) {
        return tokenEnd == SqlLexer.UNTERMINATED ? end : Math.min(tokenEnd, end);
    }
}
