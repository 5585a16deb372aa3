package ai.pmoves.engine.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void normalizeLeavesLfTextAlone() {
        String text = "SELECT 1;\nSELECT 2;\n";
        assertSame(text, SqlText.normalize(text));
    }

    @Test
    void normalizeStripsOneLeadingBom() {
        assertEquals("SELECT 1;", SqlText.normalize("\uFEFFSELECT 1;"));
        assertEquals("\uFEFFx", SqlText.normalize("\uFEFF\uFEFFx"));
        assertEquals("a\uFEFFb", SqlText.normalize("a\uFEFFb"));
    }

    @Test
    void normalizeTurnsCrlfAndLoneCrIntoLf() {
        assertEquals("a\nb\nc\n\nd\n", SqlText.normalize("a\r\nb\rc\r\n\rd\r"));
    }

    @Test
    void normalizeStripsBomAndLineEndsTogether() {
        assertEquals("a\nb", SqlText.normalize("\uFEFFa\r\nb"));
    }

    @Test
    void normalizeEmpty() {
        assertEquals("", SqlText.normalize(""));
        assertEquals("", SqlText.normalize("\uFEFF"));
    }

    @Test
    void lineAndColumnAreOneBased() {
        String text = "ab\ncd\n\nef";
        assertArrayEquals(new int[] {1, 1}, SqlText.lineAndColumn(text, 0));
        assertArrayEquals(new int[] {1, 2}, SqlText.lineAndColumn(text, 1));
        assertArrayEquals(new int[] {1, 3}, SqlText.lineAndColumn(text, 2)); // the '\n' itself
        assertArrayEquals(new int[] {2, 1}, SqlText.lineAndColumn(text, 3));
        assertArrayEquals(new int[] {3, 1}, SqlText.lineAndColumn(text, 6));
        assertArrayEquals(new int[] {4, 2}, SqlText.lineAndColumn(text, 8));
        assertArrayEquals(new int[] {4, 3}, SqlText.lineAndColumn(text, 9)); // end of text
    }

    @Test
    void lineAndColumnCountsTabAsOneColumn() {
        assertArrayEquals(new int[] {1, 3}, SqlText.lineAndColumn("\t\tx", 2));
    }

    @Test
    void lineAndColumnRejectsOffsetsOutsideText() {
        assertThrows(IndexOutOfBoundsException.class, () -> SqlText.lineAndColumn("abc", -1));
        assertThrows(IndexOutOfBoundsException.class, () -> SqlText.lineAndColumn("abc", 4));
    }
}
