package ai.pmoves.engine.sql;

import static ai.pmoves.engine.sql.SqlLexer.UNTERMINATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Each lexical rule returns where its token ends, or {@link SqlLexer#UNTERMINATED}, the same on a text held whole as
 * on the text streamed through a window of every size.
 */
class SqlLexerTest {

    /** A rule applied to the text at offset 0, whose first char has been read, as a caller has read it to pick the rule. */
    private interface Rule {
        long apply(CharWindow text) throws IOException;
    }

    /** {@code rule} on {@code text} held whole, then streamed one char per read through windows of every size. */
    private static void assertEnd(long expected, String text, Rule rule) throws IOException {
        assertEquals(expected, rule.apply(CharWindow.of(text)), () -> "held whole: " + text);
        for (int capacity = 1; capacity <= text.length() + 1; capacity++) {
            int size = capacity;
            CharWindow streamed = new CharWindow(new OneCharAtATime(text), capacity);
            streamed.has(0);
            assertEquals(expected, rule.apply(streamed), () -> "window " + size + ": " + text);
        }
    }

    private static void assertLiteralEnd(long expected, String text) throws IOException {
        assertEnd(expected, text, t -> SqlLexer.literalEnd(t, 0, 0));
    }

    /** A literal with a one-letter prefix (two for U&): the rule is asked at the quote {@link SqlLexer#prefixedQuote} finds. */
    private static void assertPrefixedLiteralEnd(long expected, String text) throws IOException {
        assertEnd(expected, text, t -> SqlLexer.literalEnd(t, 0, SqlLexer.prefixedQuote(t, 0, 1)));
    }

    @Test
    void aStringEndsPastItsClosingQuoteAndADoubledQuoteStaysInside() throws IOException {
        assertLiteralEnd(7, "'it''s' x");
        assertLiteralEnd(2, "'' x");
        assertLiteralEnd(4, "''''; x");
        assertLiteralEnd(9, "'C:\\dir\\' x");
        assertLiteralEnd(9, "'a;\n-- b' x");
    }

    @Test
    void aQuotedNameEndsPastItsClosingQuote() throws IOException {
        assertLiteralEnd(6, "\"a\"\"b\" x");
        assertLiteralEnd(2, "\"\"");
        assertLiteralEnd(5, "\"a'b\"'");
    }

    @Test
    void anEscapeStringTakesBackslashEscapesAndDoubledQuotes() throws IOException {
        assertPrefixedLiteralEnd(5, "E'\\'' x");
        assertPrefixedLiteralEnd(8, "E'it\\'s' x");
        assertPrefixedLiteralEnd(6, "e'a\\\\' x");
        assertPrefixedLiteralEnd(7, "E'x''y' z");
        assertPrefixedLiteralEnd(7, "E'\\\\''' x");
    }

    @Test
    void prefixedLiteralsOtherThanEKeepBackslashAsText() throws IOException {
        assertPrefixedLiteralEnd(5, "b'10' x");
        assertPrefixedLiteralEnd(5, "N'a\\' x");
        assertPrefixedLiteralEnd(5, "X'FF'");
        assertPrefixedLiteralEnd(8, "U&'d\\00' x");
        assertPrefixedLiteralEnd(6, "u&\"a\\\" x");
    }

    @Test
    void anUnterminatedLiteralIsLeftToTheCaller() throws IOException {
        assertLiteralEnd(UNTERMINATED, "'abc");
        assertLiteralEnd(UNTERMINATED, "'abc''");
        assertLiteralEnd(UNTERMINATED, "'");
        assertLiteralEnd(UNTERMINATED, "\"ab\"\"");
        assertPrefixedLiteralEnd(UNTERMINATED, "E'it\\'");
        assertPrefixedLiteralEnd(UNTERMINATED, "E'\\");
        assertPrefixedLiteralEnd(UNTERMINATED, "E'a''");
        assertPrefixedLiteralEnd(UNTERMINATED, "U&'abc");
    }

    @Test
    void onlyAOneLetterWordBeforeAQuoteIsAPrefix() throws IOException {
        Rule afterLetter = t -> SqlLexer.prefixedQuote(t, 0, 1);
        assertEnd(1, "E'x'", afterLetter);
        assertEnd(1, "x'FF'", afterLetter);
        assertEnd(1, "n'a'", afterLetter);
        assertEnd(2, "U&'a'", afterLetter);
        assertEnd(2, "u&\"a\"", afterLetter);
        assertEnd(-1, "F'x'", afterLetter);
        assertEnd(-1, "E\"x\"", afterLetter);
        assertEnd(-1, "U&x", afterLetter);
        assertEnd(-1, "U", afterLetter);
        assertEnd(-1, "some'x'", t -> SqlLexer.prefixedQuote(t, 0, 4));
        CharWindow escape = CharWindow.of("e'x' b'1' U&'y'");
        assertTrue(SqlLexer.isEscapeString(escape, 0, 1));
        assertFalse(SqlLexer.isEscapeString(escape, 5, 6));
        assertFalse(SqlLexer.isEscapeString(escape, 10, 12));
        assertFalse(SqlLexer.isEscapeString(CharWindow.of("'e'"), 0, 0));
    }

    @Test
    void aDollarTagIsDoubleDollarOrALetterThenLettersAndDigits() throws IOException {
        assertEnd(2, "$$ x $$", t -> SqlLexer.dollarTagEnd(t, 0));
        assertEnd(5, "$tag$", t -> SqlLexer.dollarTagEnd(t, 0));
        assertEnd(4, "$a1$", t -> SqlLexer.dollarTagEnd(t, 0));
        assertEnd(4, "$_\u00e9$", t -> SqlLexer.dollarTagEnd(t, 0));
        assertEnd(-1, "$1", t -> SqlLexer.dollarTagEnd(t, 0));
        assertEnd(-1, "$1a$", t -> SqlLexer.dollarTagEnd(t, 0));
        assertEnd(-1, "$a b$", t -> SqlLexer.dollarTagEnd(t, 0));
        assertEnd(-1, "$a", t -> SqlLexer.dollarTagEnd(t, 0));
        assertEnd(-1, "$", t -> SqlLexer.dollarTagEnd(t, 0));
    }

    @Test
    void aDollarQuoteEndsAtTheSameTagOnlyWithOtherTagsInside() throws IOException {
        Rule dollarQuote = t -> SqlLexer.dollarQuoteEnd(t, 0, SqlLexer.dollarTagEnd(t, 0));
        assertEnd(18, "$fn$ $$ x; $$ $fn$ y", dollarQuote);
        assertEnd(15, "$Q$ a $q$ b $Q$", dollarQuote);
        assertEnd(4, "$$$$", dollarQuote);
        assertEnd(12, "$$ 'a $b$ $$", dollarQuote);
        assertEnd(UNTERMINATED, "$fn$ SELECT 1; $$", dollarQuote);
        assertEnd(UNTERMINATED, "$$ a $", dollarQuote);
        assertEnd(UNTERMINATED, "$a$ $a", dollarQuote);
    }

    @Test
    void aParameterIsADollarAndDigits() throws IOException {
        assertEnd(3, "$12+1", t -> SqlLexer.parameterEnd(t, 0));
        assertEnd(2, "$1", t -> SqlLexer.parameterEnd(t, 0));
        assertEnd(-1, "$x", t -> SqlLexer.parameterEnd(t, 0));
        assertEnd(-1, "$", t -> SqlLexer.parameterEnd(t, 0));
    }

    @Test
    void aLineCommentEndsAtItsLineFeedOrTheEndOfTheText() throws IOException {
        assertEnd(10, "-- a; 'b' \nSELECT", t -> SqlLexer.lineCommentEnd(t, 0));
        assertEnd(14, "-- end of file", t -> SqlLexer.lineCommentEnd(t, 0));
        assertEnd(2, "--", t -> SqlLexer.lineCommentEnd(t, 0));
        assertEnd(2, "--\n", t -> SqlLexer.lineCommentEnd(t, 0));
    }

    @Test
    void blockCommentsNest() throws IOException {
        assertEnd(18, "/* /* nested */ */ x", t -> SqlLexer.blockCommentEnd(t, 0));
        assertEnd(4, "/**/", t -> SqlLexer.blockCommentEnd(t, 0));
        assertEnd(6, "/*/ */", t -> SqlLexer.blockCommentEnd(t, 0));
        assertEnd(15, "/* ' $$ \" -- */", t -> SqlLexer.blockCommentEnd(t, 0));
        assertEnd(UNTERMINATED, "/* a /* b */", t -> SqlLexer.blockCommentEnd(t, 0));
        assertEnd(UNTERMINATED, "/*/", t -> SqlLexer.blockCommentEnd(t, 0));
        assertEnd(UNTERMINATED, "/* a *", t -> SqlLexer.blockCommentEnd(t, 0));
    }

    @Test
    void aWordStartsWithALetterOrUnderscoreAndHoldsDigitsAndDollars() {
        assertEquals("foo$bar", run("foo$bar+1", SqlLexer::isIdentStart, SqlLexer::isIdentCont));
        assertEquals("a$$", run("a$$ x", SqlLexer::isIdentStart, SqlLexer::isIdentCont));
        assertEquals("\u00e91_x", run("\u00e91_x y", SqlLexer::isIdentStart, SqlLexer::isIdentCont));
        assertEquals("_1", run("_1.x", SqlLexer::isIdentStart, SqlLexer::isIdentCont));
        assertEquals("E", run("E'x'", SqlLexer::isIdentStart, SqlLexer::isIdentCont));
        assertEquals("", run("1a", SqlLexer::isIdentStart, SqlLexer::isIdentCont));
        assertEquals("", run("$a", SqlLexer::isIdentStart, SqlLexer::isIdentCont));
    }

    @Test
    void aNumberIsReadWholeWithTheAsciiLettersStuckToIt() throws IOException {
        assertEquals("1e5", run("1e5,", SqlLexer::isDigit, SqlLexer::isNumberPart));
        assertEquals("1_000.5a", run("1_000.5a+", SqlLexer::isDigit, SqlLexer::isNumberPart));
        assertEquals("1", run("1\u00e9", SqlLexer::isDigit, SqlLexer::isNumberPart));
        assertTrue(SqlLexer.startsNumber('.', CharWindow.of(".5e3 x"), 0));
        assertTrue(SqlLexer.startsNumber('5', CharWindow.of("5"), 0));
        assertFalse(SqlLexer.startsNumber('.', CharWindow.of(".a"), 0));
        assertFalse(SqlLexer.startsNumber('.', CharWindow.of("."), 0));
        assertFalse(SqlLexer.startsNumber('e', CharWindow.of("e5"), 0));
    }

    /** The run of chars at the start of {@code text} that a word or a number takes: one {@code first}, then {@code next}s. */
    private static String run(String text, CharClass first, CharClass next) {
        if (text.isEmpty() || !first.has(text.charAt(0))) {
            return "";
        }
        int end = 1;
        while (end < text.length() && next.has(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private interface CharClass {
        boolean has(char c);
    }

    @Test
    void commentsStartAtTheirTwoChars() throws IOException {
        assertTrue(SqlLexer.startsLineComment(CharWindow.of("--"), 0));
        assertFalse(SqlLexer.startsLineComment(CharWindow.of("-"), 0));
        assertTrue(SqlLexer.startsBlockComment(CharWindow.of("/*"), 0));
        assertFalse(SqlLexer.startsBlockComment(CharWindow.of("/ *"), 0));
    }
}
