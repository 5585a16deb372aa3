package ai.pmoves.engine.migration;

import ai.pmoves.engine.sql.SqlText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 hex of a file's normalized text (BOM removed, CRLF/CR as LF), so a Windows checkout of the same file
 * does not read as a change (DESIGN §4).
 */
public final class Checksum {
    private Checksum() {
    }

    /** The checksum of text already passed through {@link SqlText#normalize}. */
    public static String sha256(String normalizedText) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalizedText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The checksum of a file's raw text. */
    public static String ofRawText(String raw) {
        return sha256(SqlText.normalize(raw));
    }
}
