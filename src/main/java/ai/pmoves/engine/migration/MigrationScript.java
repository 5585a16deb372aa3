package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlStatementReader;
import ai.pmoves.engine.sql.SqlSyntaxException;
import ai.pmoves.engine.sql.SqlText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The contents of one SQL file: its normalized text, its statements and its checksum.
 *
 * @param text        the file's text with a leading BOM removed and line ends turned into LF
 * @param statements  the statements, with their positions in {@code text}
 * @param checksum    SHA-256 hex of {@code text}
 * @param noTransaction whether the first line is the {@code -- pmoves:no-transaction} directive
 */
public record MigrationScript(Path file, String text, List<SqlStatement> statements, String checksum,
                              boolean noTransaction) {

    public static final String NO_TRANSACTION_DIRECTIVE = "-- pmoves:no-transaction";

    /** Reads and splits a file; an unreadable, non-UTF-8 or unlexable file is an error naming it. */
    public static MigrationScript read(Path file) {
        String text = SqlText.normalize(readUtf8(file));
        List<SqlStatement> statements;
        try {
            statements = SqlStatementReader.split(text);
        } catch (SqlSyntaxException e) {
            throw new PmovesException(Printable.of(file.getFileName()) + ":" + e.line() + ":" + e.column() + ": "
                    + e.reason() + " (" + Printable.of(file) + ")", e);
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = (firstLineEnd < 0 ? text : text.substring(0, firstLineEnd)).trim();
        return new MigrationScript(file, text, statements, Checksum.sha256(text),
                firstLine.equalsIgnoreCase(NO_TRANSACTION_DIRECTIVE));
    }

    /**
     * Reads and splits every file, on every core: all of them are checked before any runs. A file that cannot be read
     * or split fails it, the first in order, as reading them one after another would.
     */
    public static List<MigrationScript> readAll(List<Path> files) {
        return inOrder(files, MigrationScript::read);
    }

    /** The checksum of a file, without splitting it: what status needs for files that already ran. */
    public static String checksumOf(Path file) {
        return Checksum.ofFile(file); // bytes straight into the digest: no decoding, no copy of the text
    }

    /**
     * The checksum of every file, read now, on every core (a no-op run or a status hashes all of them): a lookup for
     * {@code MigrationStatus.of} once the history is in. A file that cannot be read fails it, the first in order.
     */
    public static Function<Migration, String> checksumsOf(List<Migration> files) {
        List<String> results = inOrder(files, m -> checksumOf(m.file()));
        Map<Migration, String> checksums = new IdentityHashMap<>(files.size() * 2);
        for (int i = 0; i < results.size(); i++) {
            checksums.put(files.get(i), results.get(i));
        }
        return checksums::get;
    }

    /** {@code work} on every item, on every core; the first failure in the items' order is thrown. */
    private static <T, R> List<R> inOrder(List<T> items, Function<T, R> work) {
        Object[] results = new Object[items.size()]; // a result, or what the work threw
        IntStream.range(0, results.length).parallel().forEach(i -> {
            try {
                results[i] = work.apply(items.get(i));
            } catch (RuntimeException e) {
                results[i] = e;
            }
        });
        List<R> out = new ArrayList<>(results.length);
        for (Object r : results) {
            if (r instanceof RuntimeException e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            R result = (R) r;
            out.add(result);
        }
        return out;
    }

    private static String readUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PmovesException(Printable.of(file.getFileName()) + " is not valid UTF-8 (" + Printable.of(file)
                    + "): save it as UTF-8;"
                    + " PostgreSQL and the Supabase CLI read migrations as UTF-8.", e);
        } catch (IOException e) {
            throw new PmovesException("Cannot read " + Printable.of(file) + ": " + Printable.of(e.getMessage()), e);
        }
    }
}
