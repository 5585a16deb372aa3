package ai.pmoves.engine.sql;

import java.io.IOException;
import java.io.Reader;

/**
 * The streaming form of {@link SqlText#normalize(String)}: drops one leading BOM and turns CRLF and lone CR into LF
 * as the text is read, so a file of any size is normalized without being held.
 */
final class NormalizingReader extends Reader {
    private static final char BOM = '\uFEFF';

    private final Reader in;
    private boolean started;
    // The previous char was a CR, already turned into LF: an LF right after it is the rest of a CRLF and is dropped.
    private boolean afterCr;

    NormalizingReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = in.read(cbuf, off, len);
            if (n < 0) {
                return -1;
            }
            int end = off + n;
            int from = off;
            if (!started && n > 0) {
                started = true;
                if (cbuf[off] == BOM) {
                    from++;
                }
            }
            if (afterCr && from < end) {
                if (cbuf[from] == '\n') {
                    from++;
                }
                afterCr = false;
            }
            // Most text has no CR: find the first one before rewriting anything.
            int k = from;
            while (k < end && cbuf[k] != '\r') {
                k++;
            }
            int out = k;
            if (from > off) {
                System.arraycopy(cbuf, from, cbuf, off, k - from);
                out = off + (k - from);
            }
            for (; k < end; k++) {
                char c = cbuf[k];
                if (c == '\n' && afterCr) {
                    afterCr = false;
                    continue;
                }
                afterCr = c == '\r';
                cbuf[out++] = afterCr ? '\n' : c;
            }
            // A chunk of only a BOM or only the LF of a CRLF yields nothing; read on rather than return 0.
            if (out > off) {
                return out - off;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
