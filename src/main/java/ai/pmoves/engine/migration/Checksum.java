package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.sql.SqlText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 hex of a file's normalized text (BOM removed, CRLF/CR as LF), so a Windows checkout of the same file
 * does not read as a change (DESIGN §4).
 */
public final class Checksum {
    private static final int CHUNK = 1 << 16;

    private Checksum() {
    }

    /** The checksum of text already passed through {@link SqlText#normalize}. */
    public static String sha256(String normalizedText) {
        MessageDigest digest = newDigest();
        return HexFormat.of().formatHex(digest.digest(normalizedText.getBytes(StandardCharsets.UTF_8)));
    }

    /** The checksum of a file's raw text. */
    public static String ofRawText(String raw) {
        return sha256(SqlText.normalize(raw));
    }

    /**
     * The checksum of a UTF-8 file, read in chunks so that a file of any size costs a buffer, not its size. It is
     * {@link #ofRawText} of the file's text, computed on the bytes: in UTF-8 the BOM is the bytes EF BB BF and a CR or
     * LF byte is never part of another character, so normalizing the bytes is normalizing the text.
     */
    public static String ofFile(Path file) {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            boolean bom = head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
            boolean afterCr = update(digest, head, bom ? 3 : 0, head.length, false);
            byte[] chunk = new byte[CHUNK];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                afterCr = update(digest, chunk, 0, n, afterCr);
            }
        } catch (IOException e) {
            throw new PmovesException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Digests {@code bytes[from, to)} with CR and CRLF as LF; returns whether it ended on a CR. */
    private static boolean update(MessageDigest digest, byte[] bytes, int from, int to, boolean afterCr) {
        int run = from;
        boolean cr = afterCr;
        for (int k = from; k < to; k++) {
            byte b = bytes[k];
            if (b == '\r') {
                digest.update(bytes, run, k - run);
                digest.update((byte) '\n');
                run = k + 1;
                cr = true;
            } else {
                if (b == '\n' && cr) {
                    // the LF of a CRLF: its CR already went in as LF
                    digest.update(bytes, run, k - run);
                    run = k + 1;
                }
                cr = false;
            }
        }
        digest.update(bytes, run, to - run);
        return cr;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
