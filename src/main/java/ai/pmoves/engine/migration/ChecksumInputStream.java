package ai.pmoves.engine.migration;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Computes a file's {@link Checksum} from its bytes as they are read, so a seed is hashed in the same pass that runs
 * it. In UTF-8 the BOM is the bytes EF BB BF and a CR or LF byte is never part of another character, so normalizing
 * the bytes (BOM dropped, CRLF and CR as LF) is normalizing the text.
 */
public final class ChecksumInputStream extends FilterInputStream {
    private static final int BOM_LENGTH = 3;

    private final MessageDigest digest = Checksum.newDigest();
    private final byte[] head = new byte[BOM_LENGTH];
    private int headLength;
    private boolean pastHead;
    private boolean afterCr;
    private boolean ended;

    public ChecksumInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            ended = true;
            endHead();
        } else {
            consume(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are part of the file too: read them.
        byte[] sink = new byte[(int) Math.min(n, 8192)];
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

    private void consume(byte[] b, int off, int n) {
        int from = off;
        int to = off + n;
        while (!pastHead && from < to) {
            head[headLength++] = b[from++];
            if (headLength == BOM_LENGTH) {
                endHead();
            }
        }
        update(b, from, to);
    }

    /** The first bytes, held back until it is known whether they are a BOM. */
    private void endHead() {
        if (pastHead) {
            return;
        }
        pastHead = true;
        boolean bom = headLength == BOM_LENGTH && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB
                && head[2] == (byte) 0xBF;
        if (!bom) {
            update(head, 0, headLength);
        }
    }

    /** Digests {@code bytes[from, to)} with CR and CRLF as LF. */
    private void update(byte[] bytes, int from, int to) {
        int run = from;
        for (int k = from; k < to; k++) {
            byte c = bytes[k];
            if (c == '\r') {
                digest.update(bytes, run, k - run);
                digest.update((byte) '\n');
                run = k + 1;
                afterCr = true;
            } else {
                if (c == '\n' && afterCr) {
                    // the LF of a CRLF: its CR already went in as LF
                    digest.update(bytes, run, k - run);
                    run = k + 1;
                }
                afterCr = false;
            }
        }
        digest.update(bytes, run, to - run);
    }
}
