package ai.pmoves.engine.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

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
