package ai.pmoves.engine.sql;

/**
 * Text normalization and positions for SQL files. Every offset, line and column the engine
 * reports refers to the normalized text: no leading BOM, LF line ends only. Columns count UTF-16
 * chars (a tab counts as one). {@link SqlStatementReader} normalizes the same way as it streams.
 */
public final class SqlText {

    private static final char BOM = '\uFEFF';

    private SqlText() {
    }

    /** Strips one leading BOM (U+FEFF) and turns CRLF and lone CR into LF. */
    public static String normalize(String raw) {
        int start = !raw.isEmpty() && raw.charAt(0) == BOM ? 1 : 0;
        int firstCr = raw.indexOf('\r', start);
        if (firstCr < 0) {
            // The common case: no copy beyond the BOM strip.
            return start == 0 ? raw : raw.substring(start);
        }
        StringBuilder out = new StringBuilder(raw.length() - start);
        out.append(raw, start, firstCr);
        int n = raw.length();
        for (int i = firstCr; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * 1-based line and column of a char offset in normalized text.
     *
     * @param normalized text as returned by {@link #normalize(String)}
     * @param offset 0-based char offset, from 0 to {@code normalized.length()} inclusive
     * @return {@code int[]{line, column}}
     * @throws IndexOutOfBoundsException if the offset is outside the text
     */
    public static int[] lineAndColumn(String normalized, int offset) {
        if (offset < 0 || offset > normalized.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside text of length " + normalized.length());
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (normalized.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }
}
