package ai.pmoves.engine.sql;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a SQL file and where it starts.
 *
 * <p>Positions refer to the normalized text (see {@link SqlText#normalize(String)}): {@code line}
 * and {@code column} are 1-based, {@code offset} is 0-based, and {@code sql} is exactly the
 * normalized text from {@code offset} up to (not including) the terminating {@code ;}, with
 * trailing whitespace trimmed.
 *
 * @param sql the statement text, without its terminating {@code ;}
 * @param line 1-based line of the statement's first character
 * @param column 1-based column (in UTF-16 chars) of the statement's first character
 * @param offset 0-based char offset of the statement's first character (past 2^31 - 1 chars, in a streamed
 *     file, it stays at {@code Integer.MAX_VALUE}; line and column stay exact)
 * @param words the first 64 top-level bare words, uppercased, for classifying the statement
 * @param copyData for {@code COPY ... FROM STDIN} from {@link SqlStatementReader#split}: the inline data lines, each
 *     with its {@code \n}, up to (not including) the {@code \.} line; {@code null} for every other statement, and
 *     for statements of a {@link SqlStatementReader}, which streams the data through its {@code copyData()} instead
 */
public record SqlStatement(String sql, int line, int column, int offset, List<String> words, String copyData) {

    // Copies words into an unmodifiable list, so callers cannot change a parsed statement.
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        words = List.copyOf(words);
    }

    /** Whether this is a {@code COPY ... FROM STDIN} whose data is in {@link #copyData()}. */
    public boolean isCopyFromStdin() {
        return copyData != null;
    }
}
