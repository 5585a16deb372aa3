package ai.pmoves.engine.sql;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A sliding window over the text of a {@link Reader}, addressed by absolute char offsets. The lexer reads ahead as
 * far as it needs and {@linkplain #release releases} what it is done with, so memory holds the statement being
 * scanned, never the whole file. Lines are counted over the text as it goes, so positions stay exact however much
 * text has been dropped. A text already in memory, such as one statement, is a window {@linkplain #of holding it all}.
 *
 * <p>Invariant: text from the release point on is in the buffer; everything before the line cursor is counted.
 */
final class CharWindow {
    private final Reader in;
    private char[] buf;
    private long base;
    private int limit;
    private boolean eof;
    private long released;

    private long cursor;
    private int line = 1;
    private long lineStart;

    CharWindow(Reader in, int capacity) {
        this.in = in;
        this.buf = new char[Math.max(1, capacity)];
    }

    /** A window that holds all of {@code text} and reads nothing more. */
    static CharWindow of(String text) {
        CharWindow whole = new CharWindow(null, 1);
        whole.buf = text.toCharArray();
        whole.limit = whole.buf.length;
        whole.eof = true;
        return whole;
    }

    /** Whether the text has a char at {@code i}, reading ahead as needed. */
    boolean has(long i) throws IOException {
        return i - base < limit || fill(i);
    }

    /** The char at {@code i}, which {@link #has} has confirmed. */
    char at(long i) {
        return buf[(int) (i - base)];
    }

    /** The char at {@code i}, or {@code '\0'} past the end of the text. */
    char peek(long i) throws IOException {
        return has(i) ? at(i) : '\0';
    }

    /** Where the text ends; only known once a read has hit the end ({@link #has} returned false). */
    long end() {
        return base + limit;
    }

    /** The first offset at or after {@code from} holding {@code c}, or -1. */
    long indexOf(char c, long from) throws IOException {
        long i = from;
        while (has(i)) {
            for (int k = (int) (i - base); k < limit; k++) {
                if (buf[k] == c) {
                    return base + k;
                }
            }
            i = base + limit;
        }
        return -1;
    }

    /** The first offset at or after {@code from} where {@code s} starts, or -1. */
    long indexOf(String s, long from) throws IOException {
        long i = from;
        while ((i = indexOf(s.charAt(0), i)) >= 0) {
            if (startsWith(s, i)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    boolean startsWith(String s, long at) throws IOException {
        for (int k = 0; k < s.length(); k++) {
            if (!has(at + k) || at(at + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The text from {@code a} to {@code b}; both must be past the release point and read already. */
    String text(long a, long b) {
        return new String(buf, (int) (a - base), (int) (b - a));
    }

    /**
     * Copies buffered text from {@code from} into {@code dst}, at most {@code max} chars, in one go up to the first line
     * that may start with {@code first}: the copy ends after an LF followed by {@code first}, or by text not read yet.
     *
     * @return how many chars were copied, or -1 at the end of the text
     */
    int copyUpToLineStartingWith(char first, long from, char[] dst, int off, int max) throws IOException {
        if (!has(from)) {
            return -1;
        }
        int start = (int) (from - base);
        int stop = (int) Math.min(limit, start + (long) max);
        char[] b = buf;
        int k = start;
        int lines = 0;
        int lastLf = -1;
        while (k < stop) {
            if (b[k++] == '\n') {
                lines++;
                lastLf = k - 1;
                if (k == limit || b[k] == first) {
                    break;
                }
            }
        }
        System.arraycopy(b, start, dst, off, k - start);
        if (cursor == from) {
            // The lines are counted here, in the one pass over the copied text, rather than again when it is dropped.
            line = (int) Math.min((long) line + lines, Integer.MAX_VALUE);
            if (lastLf >= 0) {
                lineStart = base + lastLf + 1;
            }
            cursor = base + k;
        }
        return k - start;
    }

    /** The text before {@code offset} is no longer needed and may be dropped. */
    void release(long offset) {
        if (offset > released) {
            released = offset;
        }
    }

    /**
     * 1-based line and column of {@code offset}, which must not be before the release point nor before an offset
     * asked for earlier (offsets are asked for in increasing order).
     */
    int[] lineAndColumn(long offset) {
        if (offset < cursor) {
            throw new IllegalArgumentException("line cursor cannot move back from " + cursor + " to " + offset);
        }
        countLines(offset);
        long column = offset - lineStart + 1;
        return new int[] {line, (int) Math.min(column, Integer.MAX_VALUE)};
    }

    /**
     * The 1-based line of {@code offset}, or of where the window got to (what it released or counted last) when that
     * is further on: -1 asks for the latter alone. For a position of the reading rather than of a token.
     */
    int lineAtOrAfter(long offset) {
        return lineAndColumn(Math.max(offset, Math.max(released, cursor)))[0];
    }

    private void countLines(long to) {
        // Locals, not fields, in the loop: every char of a large COPY passes through here.
        long lines = line;
        int lastLf = -1;
        char[] b = buf;
        for (int k = (int) (cursor - base), stop = (int) (to - base); k < stop; k++) {
            if (b[k] == '\n') {
                lines++;
                lastLf = k;
            }
        }
        line = (int) Math.min(lines, Integer.MAX_VALUE);
        if (lastLf >= 0) {
            lineStart = base + lastLf + 1;
        }
        cursor = Math.max(cursor, to);
    }

    private boolean fill(long i) throws IOException {
        while (i - base >= limit) {
            if (eof) {
                return false;
            }
            if (limit == buf.length) {
                makeRoom();
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        return true;
    }

    /** Drops the released text (counting its lines first), and grows the buffer when less than half is free. */
    private void makeRoom() {
        int drop = (int) Math.min(released - base, limit);
        if (drop > 0) {
            countLines(base + drop);
            System.arraycopy(buf, drop, buf, 0, limit - drop);
            base += drop;
            limit -= drop;
        }
        // Growing when half full, not only when full, keeps refills from shifting a long statement a few chars at a time.
        if (limit == buf.length || buf.length - limit < buf.length / 2) {
            buf = Arrays.copyOf(buf, buf.length * 2 + 1);
        }
    }

    /** The buffer's size in chars: what the text in flight costs, for tests that check streaming stays flat. */
    int capacity() {
        return buf.length;
    }
}
