package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.List;

/** Small matchers over a statement's tokens, so rules read like the grammar they check. */
final class Tokens {
    private Tokens() {
    }

    /** Whether the bare words {@code words} stand at index {@code i} onwards. */
    static boolean wordsAt(List<SqlToken> tokens, int i, String... words) {
        if (i < 0 || i + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(i + k).isWord(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** The index after {@code words} when they stand at {@code i}; {@code i} when they do not (an optional phrase). */
    static int skip(List<SqlToken> tokens, int i, String... words) {
        return wordsAt(tokens, i, words) ? i + words.length : i;
    }

    /** The index after whichever of the single {@code words} stands at {@code i}, or {@code i}. */
    static int skipAny(List<SqlToken> tokens, int i, String... words) {
        for (String w : words) {
            if (wordsAt(tokens, i, w)) {
                return i + 1;
            }
        }
        return i;
    }

    /** The first index at or after {@code from} holding the bare word {@code word}, or -1. */
    static int indexOfWord(List<SqlToken> tokens, int from, String word) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }
}
