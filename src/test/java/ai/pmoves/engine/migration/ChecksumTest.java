package ai.pmoves.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.pmoves.engine.sql.SqlText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumTest {
    @Test
    void isSha256HexOfTheText() {
        // the same digest as coreutils' sha256sum of the same bytes
        assertEquals(sha256sum("SELECT 1;\n"), Checksum.ofRawText("SELECT 1;\n"));
    }

    @Test
    void windowsLineEndsAndBomDoNotReadAsAChange() {
        String unix = "CREATE TABLE a (id int);\nSELECT 1;\n";
        assertEquals(Checksum.ofRawText(unix), Checksum.ofRawText("\uFEFFCREATE TABLE a (id int);\r\nSELECT 1;\r\n"));
        assertEquals(Checksum.ofRawText(unix), Checksum.ofRawText("CREATE TABLE a (id int);\rSELECT 1;\r"));
    }

    @Test
    void anyOtherEditIsAChange() {
        assertNotEquals(Checksum.ofRawText("SELECT 1;\n"), Checksum.ofRawText("SELECT 1; \n"));
    }

    @Test
    void streamedFileChecksumIsTheTextChecksum(@TempDir Path dir) throws IOException {
        List<String> texts = new java.util.ArrayList<>(List.of("", "a", "\uFEFF", "\uFEFFa", "\r",
                "\r\n", "\n\r", "a\r\r\nb\n\rc", "SELECT 'é ✓ 😀';\r\n"));
        // CRs and CRLFs around the 64 KiB read chunks: one ends a chunk, one is split across two
        for (int width = 65_533; width <= 65_541; width++) {
            texts.add("x".repeat(width) + "\r\nSELECT 1;\r\n");
            texts.add("\uFEFF" + "x".repeat(width) + "\rb\r");
        }
        // files up to 1 MiB are read whole, larger ones streamed: both sides of that line, and the line itself
        for (int width = (1 << 20) - 18; width <= (1 << 20) - 14; width++) { // 16 bytes besides the x
            texts.add("\uFEFF" + "x".repeat(width) + "\r\nSELECT 1;\r\n");
        }
        for (String text : texts) {
            Path file = dir.resolve("seed.sql");
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            assertEquals(Checksum.ofRawText(text), Checksum.ofFile(file), () -> "for " + text.length() + " chars");
        }
        // read a byte at a time, a BOM and a CRLF are split across reads
        for (String text : List.of("\uFEFFSELECT 1;\r\n", "ab", "\r\n\r", "\uFEFF", "\r\n\n\r\r")) {
            try (ChecksumInputStream in = new ChecksumInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int b; (b = in.read()) >= 0; ) {
                    out.write(b);
                }
                assertEquals(SqlText.normalize(text), out.toString(StandardCharsets.UTF_8), "it hands out the normalized text");
                assertEquals(Checksum.ofRawText(text), in.checksum(), text);
            }
        }
    }

    @Test
    void streamHandsOutTheNormalizedTextAcrossChunks(@TempDir Path dir) throws IOException {
        String text = "\uFEFF" + "a\r\n".repeat(40_000) + "é\r" + "b\rc\n".repeat(30_000);
        Path file = Files.write(dir.resolve("seed.sql"), text.getBytes(StandardCharsets.UTF_8));
        try (ChecksumInputStream in = new ChecksumInputStream(Files.newInputStream(file))) {
            assertEquals(SqlText.normalize(text), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(Checksum.ofRawText(text), in.checksum());
        }
    }

    @Test
    void streamChecksumIsOnlyKnownAtTheEnd() throws IOException {
        try (ChecksumInputStream in = new ChecksumInputStream(new ByteArrayInputStream(new byte[] {'a', 'b'}))) {
            in.read();
            assertThrows(IllegalStateException.class, in::checksum);
        }
    }

    private static String sha256sum(String text) {
        try {
            Process p = new ProcessBuilder("sha256sum").start();
            p.getOutputStream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            p.getOutputStream().close();
            return new String(p.getInputStream().readAllBytes()).split(" ")[0];
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
