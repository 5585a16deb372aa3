package ai.pmoves.engine.sql;

import ai.pmoves.engine.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of one statement, for code that must see names and keywords but never the inside of a string, a comment
 * or a dollar body (the linter). Reads the {@code sql} of a {@link SqlStatement}, which {@link SqlLexer} has already
 * checked, so it never fails: an unterminated quote or comment (possible only inside a function body read with
 * {@link #inside}) just runs to the end of the text.
 *
 * <p>A dollar-quoted string is one token; {@link #inside(SqlToken)} reads its body as code, for DO blocks and
 * function bodies.
 */
public final class SqlTokens {
    private final String s;
    private final int base;
    private final List<SqlToken> tokens = new ArrayList<>();

    private SqlTokens(String text, int base) {
        this.s = text;
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
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int end;
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                i++;
                continue;
            } else if (s.startsWith("--", i)) {
                end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
                continue;
            } else if (s.startsWith("/*", i)) {
                i = commentEnd(i);
                continue;
            } else if (c == '\'') {
                end = quoteEnd(i, '\'', false);
                add(Kind.STRING, i, end);
            } else if (c == '"') {
                end = quoteEnd(i, '"', false);
                add(Kind.QUOTED_NAME, i, end);
            } else if (c == '$') {
                end = dollar(i);
            } else if (isNameStart(c)) {
                end = word(i);
            } else if (isDigit(c) || c == '.' && i + 1 < n && isDigit(s.charAt(i + 1))) {
                end = i + 1;
                while (end < n && (isNameStart(s.charAt(end)) || isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                    end++;
                }
                add(Kind.NUMBER, i, end);
            } else {
                end = i + 1;
                add(Kind.SYMBOL, i, end);
            }
            i = end;
        }
        return tokens;
    }

    /** A bare word, or the prefix of a prefixed literal: {@code E'…'} (backslash escapes), {@code B'…'}, {@code U&"…"}. */
    private int word(int i) {
        int end = i + 1;
        while (end < s.length() && (isNameStart(s.charAt(end)) || isDigit(s.charAt(end)) || s.charAt(end) == '$')) {
            end++;
        }
        if (end - i == 1 && end < s.length()) {
            char prefix = Character.toUpperCase(s.charAt(i));
            char next = s.charAt(end);
            if (next == '\'' && "EBXN".indexOf(prefix) >= 0) {
                int close = quoteEnd(end, '\'', prefix == 'E');
                add(Kind.STRING, i, close);
                return close;
            }
            if (prefix == 'U' && next == '&' && end + 1 < s.length()
                    && (s.charAt(end + 1) == '\'' || s.charAt(end + 1) == '"')) {
                int close = quoteEnd(end + 1, s.charAt(end + 1), false);
                add(s.charAt(end + 1) == '"' ? Kind.QUOTED_NAME : Kind.STRING, i, close);
                return close;
            }
        }
        add(Kind.WORD, i, end);
        return end;
    }

    /** {@code $1}, a {@code $tag$} body, or a lone {@code $} (an operator character). */
    private int dollar(int i) {
        int j = i + 1;
        if (j < s.length() && isDigit(s.charAt(j))) {
            while (j < s.length() && isDigit(s.charAt(j))) {
                j++;
            }
            add(Kind.PARAMETER, i, j);
            return j;
        }
        while (j < s.length() && (isNameStart(s.charAt(j)) || j > i + 1 && isDigit(s.charAt(j)))) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$') {
            String tag = s.substring(i, j + 1);
            int close = s.indexOf(tag, j + 1);
            int end = close < 0 ? s.length() : close + tag.length();
            add(Kind.DOLLAR_STRING, i, end);
            return end;
        }
        add(Kind.SYMBOL, i, i + 1);
        return i + 1;
    }

    /** The end of a quoted token opening at {@code open}: a doubled quote stays inside, as does {@code \'} in E strings. */
    private int quoteEnd(int open, char quote, boolean backslashEscapes) {
        int j = open + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c != quote) {
                j++;
            } else if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                j += 2;
            } else {
                return j + 1;
            }
        }
        return s.length();
    }

    /** The end of a block comment; they nest. */
    private int commentEnd(int open) {
        int depth = 0;
        int j = open;
        while (j < s.length()) {
            if (s.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (s.startsWith("*/", j)) {
                j += 2;
                if (--depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return s.length();
    }

    private void add(Kind kind, int start, int end) {
        tokens.add(new SqlToken(kind, s.substring(start, Math.min(end, s.length())), base + start));
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
