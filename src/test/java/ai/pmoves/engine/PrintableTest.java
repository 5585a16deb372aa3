package ai.pmoves.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void aLineBreakInANameIsShownEscapedSoTheNameStaysOnItsLine() {
        assertEquals("supabase/migrations/20250101_a\\n[ERROR] forged.sql",
                Printable.of(Path.of("supabase/migrations/20250101_a\n[ERROR] forged.sql")));
        assertEquals("a\\r\\nb\\tc", Printable.of("a\r\nb\tc"));
    }

    @Test
    void everyOtherControlCharacterIsShownByItsCode() {
        assertEquals("x\\u001b[2Ky\\u0000z\\u007f\\u0085\\u2028", Printable.of("x\033[2Ky\0z\u007f\u0085\u2028"));
    }

    @Test
    void plainTextBackslashesAndOtherLettersAreLeftAsTheyAre() {
        String plain = "C:\\project\\supabase\\migrations\\2025-09-08_café ….sql";
        assertSame(plain, Printable.of(plain));
        assertEquals("null", Printable.of(null));
    }

    @Test
    void escapingTwiceChangesNothing() {
        String once = Printable.of("a\nb\033");
        assertEquals(once, Printable.of(once));
    }
}
