package ai.pmoves.engine.sql;

import java.io.Reader;

/** A reader that hands out one char per read, so every buffer boundary falls everywhere. */
final class OneCharAtATime extends Reader {
    private final String text;
    private int i;

    OneCharAtATime(String text) {
        this.text = text;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
        if (i == text.length()) {
            return -1;
        }
        cbuf[off] = text.charAt(i++);
        return 1;
    }

    @Override
    public void close() {
    }
}
