package ai.pmoves.engine.migration;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads a UTF-8 file as normalized text, the way {@link Checksum} sees it (a leading BOM dropped, CRLF and CR as
 * LF), and computes the checksum of what it hands out, so a seed is normalized and hashed in the one pass that runs
 * it. In UTF-8 the BOM is the bytes EF BB BF and a CR or LF byte is never part of another character, so normalizing
 * the bytes is normalizing the text.
 */
public final class ChecksumInputStream extends FilterInputStream {
    private final MessageDigest digest = Checksum.newDigest();
    private boolean afterCr;
    private boolean ended;

    public ChecksumInputStream(InputStream in) {
        super(withoutUtf8Bom(in));
    }

    private static InputStream withoutUtf8Bom(InputStream in) {
        try {
            return BOMInputStream.builder().setInputStream(in).setByteOrderMarks(ByteOrderMark.UTF_8).setInclude(false)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException("wrapping a stream reads nothing", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = in.read(b, off, len);
            if (n < 0) {
                ended = true;
                return -1;
            }
            int out = normalize(b, off, off + n);
            digest.update(b, off, out - off);
            // A read of only the LF of a CRLF yields nothing: read on rather than return 0.
            if (out > off) {
                return out - off;
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are part of the file too: read them.
        byte[] sink = new byte[(int) Math.min(Math.max(n, 1), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int k = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (k < 0) {
                break;
            }
            skipped += k;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * The checksum of everything read; the stream must have been read to its end.
     *
     * @throws IllegalStateException when it was not
     */
    public String checksum() {
        if (!ended) {
            throw new IllegalStateException("the checksum is known once the stream has been read to its end");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Rewrites {@code b[from, to)} in place with CR and CRLF as LF; returns where the output ends. */
    private int normalize(byte[] b, int from, int to) {
        if (afterCr && from < to && b[from] == '\n') {
            // the LF of a CRLF whose CR ended the previous read
            System.arraycopy(b, from + 1, b, from, to - from - 1);
            to--;
        }
        afterCr = to > from && b[to - 1] == '\r'; // its LF, if one follows, starts the next read
        return crAsLf(b, from, to);
    }

    /** Rewrites the text {@code b[from, to)} in place with CR and CRLF as LF; returns where the output ends. */
    static int crAsLf(byte[] b, int from, int to) {
        int k = from;
        // Most text has no CR: find the first one before rewriting anything.
        while (k < to && b[k] != '\r') {
            k++;
        }
        int out = k;
        boolean afterCr = false;
        for (; k < to; k++) {
            byte c = b[k];
            if (c == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            b[out++] = afterCr ? (byte) '\n' : c;
        }
        return out;
    }
}
