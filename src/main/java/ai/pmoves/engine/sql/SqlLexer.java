package ai.pmoves.engine.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.io.IOUtils;

/**
 * Splits a whole SQL text into statements, COPY data included, for files small enough to hold: migrations, which
 * are checked whole before any runs. The rules are those of {@link SqlStatementReader}, the one scanner, which this
 * drains into a list; seeds of any size are streamed through that reader directly.
 */
public final class SqlLexer {

    /** How many top-level words a statement keeps for classification. */
    static final int MAX_WORDS = SqlStatementReader.MAX_WORDS;

    private SqlLexer() {
    }

    /**
     * Splits a file's text into statements.
     *
     * @param text the raw file text; it is normalized with {@link SqlText#normalize(String)} first,
     *     and all positions refer to the normalized text
     * @return the non-empty statements in file order, with the data of each COPY ... FROM STDIN in
     *     {@link SqlStatement#copyData()}, unmodifiable
     * @throws SqlSyntaxException on an unterminated token or a psql meta-command
     */
    public static List<SqlStatement> split(String text) throws SqlSyntaxException {
        Objects.requireNonNull(text, "text");
        List<SqlStatement> statements = new ArrayList<>();
        try (SqlStatementReader reader = new SqlStatementReader(new StringReader(text))) {
            for (SqlStatement s; (s = reader.next()) != null; ) {
                Reader data = reader.copyData();
                statements.add(data == null ? s
                        : new SqlStatement(s.sql(), s.line(), s.column(), s.offset(), s.words(), IOUtils.toString(data)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringReader does not fail", e);
        }
        return List.copyOf(statements);
    }
}
