package ai.pmoves.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.pmoves.engine.sql.SqlToken.Kind;
import ai.pmoves.testing.SqlCorpus;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The statement reader and the tokens read every input alike: the reader's statements are the runs of tokens between
 * top-level {@code ;} tokens, the tokens of each statement cover its text with only whitespace and comments between
 * them, its words are its bare-word tokens, and where the reader fails the tokens see the same token open there.
 */
class ReaderAndTokensAgreeTest {

    @Test
    void theReaderAndTheTokensAgreeOnEveryInput() throws IOException {
        List<String> inputs = new ArrayList<>(SqlCorpus.STATEMENTS);
        inputs.addAll(SqlCorpus.EDGES);
        Random random = new Random(13);
        for (Path file : SqlCorpus.repositorySqlFiles()) {
            inputs.addAll(SqlCorpus.wholeAndCutShort(file, 5, random));
        }
        assertTrue(inputs.size() > 1000, "the corpus was found: " + inputs.size() + " inputs");
        for (String input : inputs) {
            assertAgree(input);
        }
    }

    /** Reads {@code raw} through windows of several sizes, then checks the statements (or the error) against the tokens. */
    static void assertAgree(String raw) {
        String text = SqlText.normalize(raw);
        Reading reading = read(new StringReader(raw), 1 << 16);
        for (int capacity : new int[] {1, 7}) {
            Reading small = read(new OneCharAtATime(raw), capacity);
            assertEquals(reading.statements, small.statements, () -> "window " + capacity + ": " + raw);
            assertEquals(reading.errorMessage(), small.errorMessage(), () -> "window " + capacity + ": " + raw);
        }
        int from = 0;
        for (SqlStatement s : reading.statements) {
            assertStatementsBetweenAreEmpty(text, from, s.offset());
            assertTokensCover(text, s);
            from = afterTerminator(text, s);
        }
        if (reading.error == null) {
            assertStatementsBetweenAreEmpty(text, from, text.length());
        } else {
            assertTokensSeeTheError(text, from, reading.error);
        }
    }

    /** Between two statements (after one's terminator, before the next one's first token) the tokens are only {@code ;}. */
    private static void assertStatementsBetweenAreEmpty(String text, int from, int to) {
        for (SqlToken t : SqlTokens.of(text.substring(from, to))) {
            assertTrue(t.isSymbol(';'), () -> "the reader skipped the token " + t.text() + " at " + (from + t.offset())
                    + " in: " + text);
        }
    }

    /**
     * The statement's text is the text at its offset; its tokens start at its start, follow each other with only
     * whitespace and comments between them, hold no {@code ;} outside a BEGIN ATOMIC body, and give its words.
     */
    private static void assertTokensCover(String text, SqlStatement s) {
        String sql = s.sql();
        assertEquals(sql, text.substring(s.offset(), s.offset() + sql.length()));
        List<SqlToken> tokens = SqlTokens.of(sql);
        assertFalse(tokens.isEmpty(), () -> "a statement without tokens: " + sql);
        assertEquals(0, tokens.get(0).offset(), () -> "the statement starts at its first token: " + sql);
        boolean atomicBody = hasBeginAtomic(tokens);
        int at = 0;
        for (SqlToken t : tokens) {
            assertTrue(t.offset() >= at, () -> "tokens overlap at " + t.offset() + ": " + sql);
            assertEquals(t.text(), sql.substring(t.offset(), t.offset() + t.text().length()));
            assertOnlySpaceAndComments(sql.substring(at, t.offset()), sql);
            assertTrue(!t.isSymbol(';') || atomicBody, () -> "a ; the reader did not end the statement at: " + sql);
            at = t.offset() + t.text().length();
        }
        assertOnlySpaceAndComments(sql.substring(at), sql);
        List<String> words = tokens.stream().filter(t -> t.kind() == Kind.WORD)
                .map(t -> t.text().toUpperCase(Locale.ROOT)).limit(SqlStatementReader.MAX_WORDS).toList();
        assertEquals(words, s.words(), () -> "words of: " + sql);
    }

    /** Where the text after {@code s} resumes: past its {@code ;}, and past its data for a COPY from STDIN. */
    private static int afterTerminator(String text, SqlStatement s) {
        int semi = s.offset() + s.sql().length();
        while (semi < text.length() && SqlLexer.isSpace(text.charAt(semi))) {
            semi++;
        }
        if (semi == text.length()) {
            return semi;
        }
        assertEquals(';', text.charAt(semi), () -> "the statement ends at a ; token: " + s.sql());
        if (s.copyData() == null) {
            return semi + 1;
        }
        int lf = text.indexOf('\n', semi);
        int data = lf < 0 ? text.length() : lf + 1;
        assertTrue(text.startsWith(s.copyData(), data), () -> "the data follows the line of the COPY: " + s.sql());
        int after = data + s.copyData().length();
        if (text.startsWith("\\.\n", after)) {
            return after + 3;
        }
        if (text.startsWith("\\.", after) && after + 2 == text.length()) {
            return after + 2;
        }
        assertEquals(text.length(), after, "data without a \\. line runs to the end");
        return after;
    }

    /** The tokens from where the reader failed begin with what the reader names: the same token open to the end. */
    private static void assertTokensSeeTheError(String text, int from, SqlSyntaxException e) {
        int at = offsetOf(text, e.line(), e.column());
        List<SqlToken> before = SqlTokens.of(text.substring(from, at));
        int firstOfStatement = 0;
        while (firstOfStatement < before.size() && before.get(firstOfStatement).isSymbol(';')) {
            firstOfStatement++;
        }
        boolean atomic = e.reason().startsWith("unterminated BEGIN ATOMIC");
        for (SqlToken t : before.subList(firstOfStatement, before.size())) {
            assertFalse(t.isSymbol(';') && !atomic, () -> "the reader did not end a statement at the ; at "
                    + (from + t.offset()) + ": " + text);
        }
        String rest = text.substring(at);
        List<SqlToken> tokens = SqlTokens.of(rest);
        String reason = e.reason();
        if (atomic) {
            assertTrue(tokens.get(0).isWord("BEGIN"), reason);
        } else if (reason.startsWith("unterminated block comment")) {
            assertTrue(rest.startsWith("/*") && tokens.isEmpty(), () -> "a comment to the end: " + rest);
        } else if (reason.startsWith("unterminated")) {
            Kind kind = reason.contains("quoted identifier") ? Kind.QUOTED_NAME
                    : reason.contains("dollar-quoted") ? Kind.DOLLAR_STRING : Kind.STRING;
            assertEquals(List.of(new SqlToken(kind, rest, 0)), tokens, reason);
        } else if (reason.contains("meta-command") || reason.startsWith("stray backslash")) {
            assertTrue(tokens.get(0).isSymbol('\\') && tokens.get(0).offset() == 0, reason);
        } else if (reason.startsWith("a NUL character")) {
            assertTrue(tokens.get(0).isSymbol('\0') && tokens.get(0).offset() == 0, reason);
        } else {
            fail("an error the tokens cannot check: " + e.getMessage());
        }
    }

    private static boolean hasBeginAtomic(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("BEGIN") && tokens.get(i + 1).isWord("ATOMIC")) {
                return true;
            }
        }
        return false;
    }

    /** Text between tokens holds whitespace and comments, nothing else (comments read here on their own, nested). */
    private static void assertOnlySpaceAndComments(String gap, String sql) {
        int i = 0;
        while (i < gap.length()) {
            if (gap.startsWith("--", i)) {
                int lf = gap.indexOf('\n', i);
                i = lf < 0 ? gap.length() : lf;
            } else if (gap.startsWith("/*", i)) {
                int depth = 0;
                do {
                    if (gap.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (gap.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                } while (depth > 0 && i < gap.length());
            } else {
                char c = gap.charAt(i++);
                assertTrue(SqlLexer.isSpace(c), () -> "'" + c + "' outside every token of: " + sql);
            }
        }
    }

    private static int offsetOf(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at + column - 1;
    }

    /** The statements of a text, COPY data put into each as split does, and the error that stopped the reader. */
    private record Reading(List<SqlStatement> statements, SqlSyntaxException error) {
        String errorMessage() {
            return error == null ? null : error.getMessage();
        }
    }

    private static Reading read(Reader text, int capacity) {
        List<SqlStatement> statements = new ArrayList<>();
        try (SqlStatementReader reader = new SqlStatementReader(text, capacity)) {
            for (SqlStatement s; (s = reader.next()) != null; ) {
                Reader data = reader.copyData();
                statements.add(data == null ? s : new SqlStatement(s.sql(), s.line(), s.column(), s.offset(),
                        s.words(), SqlStatementReaderTest.drain(data)));
            }
            return new Reading(statements, null);
        } catch (SqlSyntaxException e) {
            return new Reading(statements, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
