package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.sql.SqlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.io.IOUtils;

/**
 * SHA-256 hex of a file's normalized text (BOM removed, CRLF/CR as LF), so a Windows checkout of the same file
 * does not read as a change (design.md: Files, names and order).
 */
public final class Checksum {
    /** Files up to this size are read whole; larger ones (seeds of gigabytes) stream through a buffer. */
    private static final long WHOLE = 1 << 20;
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
     * The checksum of a UTF-8 file, read in chunks so that a file of any size costs a buffer, not its size: the same
     * value as {@link #ofRawText} of the file's text (see {@link ChecksumInputStream}).
     */
    public static String ofFile(Path file) {
        try {
            // A migration is small: read at once, normalized in place, hashed. Status hashes every one, every run.
            if (Files.size(file) <= WHOLE) {
                byte[] bytes = Files.readAllBytes(file);
                int from = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                        && bytes[2] == (byte) 0xBF ? 3 : 0;
                int to = ChecksumInputStream.crAsLf(bytes, from, bytes.length);
                MessageDigest digest = newDigest();
                digest.update(bytes, from, to - from);
                return HexFormat.of().formatHex(digest.digest());
            }
        } catch (IOException e) {
            throw new PmovesException("Cannot read " + Printable.of(file) + ": " + Printable.of(e.getMessage()), e);
        }
        try (ChecksumInputStream in = new ChecksumInputStream(Files.newInputStream(file))) {
            IOUtils.consume(in); // the stream digests what passes through it
            return in.checksum();
        } catch (IOException e) {
            throw new PmovesException("Cannot read " + Printable.of(file) + ": " + Printable.of(e.getMessage()), e);
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
