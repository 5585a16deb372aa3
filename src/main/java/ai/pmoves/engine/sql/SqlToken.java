package ai.pmoves.engine.sql;

import java.util.Locale;

/**
 * One significant token of a statement, as {@link SqlTokens} reads it: comments and whitespace are not tokens.
 *
 * @param kind   what the token is
 * @param text   the token exactly as written (a string or dollar body with its quotes and tags)
 * @param offset 0-based char offset of the token in the text that was tokenized
 */
public record SqlToken(Kind kind, String text, int offset) {

    /** What a token is. Only {@link #WORD} and {@link #QUOTED_NAME} can be names or keywords. */
    public enum Kind {
        /** A bare identifier or keyword: {@code create}, {@code public}, {@code uuid_generate_v4}. */
        WORD,
        /** A double-quoted identifier: {@code "uuid-ossp"}. */
        QUOTED_NAME,
        /** A string literal in single quotes, with any prefix: {@code 'x'}, {@code E'\n'}, {@code B'101'}. */
        STRING,
        /** A dollar-quoted string: {@code $$ … $$} or {@code $tag$ … $tag$}; function and DO bodies are these. */
        DOLLAR_STRING,
        /** A numeric constant. */
        NUMBER,
        /** A positional parameter such as {@code $1}. */
        PARAMETER,
        /** One character of punctuation or of an operator: {@code (}, {@code ,}, {@code .}, {@code =}. */
        SYMBOL
    }

    /** Whether this is the bare word {@code upper} (compared as PostgreSQL folds keywords). */
    public boolean isWord(String upper) {
        return kind == Kind.WORD && text.equalsIgnoreCase(upper);
    }

    /** Whether this is the symbol {@code c}. */
    public boolean isSymbol(char c) {
        return kind == Kind.SYMBOL && text.charAt(0) == c;
    }

    /** Whether this token can name something: a bare word or a quoted name. */
    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    /**
     * The name as PostgreSQL stores it: a bare word folded to lower case, a quoted name without its quotes (with
     * {@code ""} read as {@code "}); null for tokens that are not names.
     */
    public String name() {
        if (kind == Kind.WORD) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (kind == Kind.QUOTED_NAME) {
            int open = text.indexOf('"');
            return text.substring(open + 1, text.length() - 1).replace("\"\"", "\"");
        }
        return null;
    }

    /** For a {@link Kind#DOLLAR_STRING}: the text between the tags; null for any other token. */
    public String body() {
        if (kind != Kind.DOLLAR_STRING) {
            return null;
        }
        int tag = text.indexOf('$', 1) + 1;
        // An unterminated body (possible only inside another body) runs to the end of the text.
        boolean closed = text.length() >= 2 * tag && text.endsWith(text.substring(0, tag));
        return text.substring(tag, closed ? text.length() - tag : text.length());
    }

    /** For a {@link Kind#DOLLAR_STRING}: the offset of its body in the tokenized text. */
    public int bodyOffset() {
        return offset + text.indexOf('$', 1) + 1;
    }
}
