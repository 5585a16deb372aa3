package ai.pmoves.engine.script;

import ai.pmoves.engine.sql.PsqlVariables;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlText;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a failed statement into the message a user needs: file:line:column (PostgreSQL's error position mapped
 * back into the file), SQLSTATE, the server's message, detail, hint and context, and the first lines of the statement.
 */
public final class ExecutionError {
    private static final int STATEMENT_LINES_SHOWN = 5;
    /** How PostgreSQL names the data row a COPY failed on, in the error's context. */
    private static final Pattern COPY_LINE = Pattern.compile("^COPY [^,]+, line (\\d+)");

    private ExecutionError() {
    }

    /**
     * Describes {@code e}, raised by {@code statement} of the file {@code fileName}. The text of the file is not
     * needed any more (positions are mapped within the statement); the parameter stays for existing callers.
     */
    public static String describe(String fileName, String text, SqlStatement statement, SQLException e) {
        return describe(fileName, statement, e, 0);
    }

    /**
     * Describes {@code e}, raised by {@code statement} of the file {@code fileName}: PostgreSQL's error position is
     * mapped to a file line and column through the statement's own position, so nothing but the statement is held.
     *
     * @param copyDataLine for a {@code COPY ... FROM STDIN}, the file line of its first data line, so that an error in
     *     the data ({@code COPY t, line 3}) is reported at the file line of that row; 0 when unknown
     */
    public static String describe(String fileName, SqlStatement statement, SQLException e, int copyDataLine) {
        return describe(fileName, statement, e, copyDataLine, PsqlVariables.NONE);
    }

    /**
     * As {@link #describe(String, SqlStatement, SQLException, int)}, for a statement that ran with {@code variables}
     * substituted: the server's position is in the substituted text and is mapped back to the file as written.
     */
    public static String describe(String fileName, SqlStatement statement, SQLException e, int copyDataLine,
                                  PsqlVariables variables) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        int[] position = position(statement, e, copyDataLine, variables);
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(':').append(position[0]).append(':').append(position[1]).append(": ")
                .append(headline(e));
        if (server != null) {
            appendField(sb, "Detail", server.getDetail());
            appendField(sb, "Hint", server.getHint());
            appendField(sb, "Where", server.getWhere());
        }
        sb.append("\n  Statement at line ").append(statement.line()).append(':');
        String[] lines = statement.sql().split("\n", STATEMENT_LINES_SHOWN + 1);
        for (int i = 0; i < Math.min(lines.length, STATEMENT_LINES_SHOWN); i++) {
            sb.append("\n    | ").append(lines[i]);
        }
        if (lines.length > STATEMENT_LINES_SHOWN) {
            sb.append("\n    | …");
        }
        return sb.toString();
    }

    /**
     * Where in the file the error is, as {line, column}: the server's position mapped back through the statement (and
     * the variables it ran with), the row of a failed COPY's data, or else the statement's start.
     */
    public static int[] position(SqlStatement statement, SQLException e, int copyDataLine, PsqlVariables variables) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        Matcher copyLine = server == null || server.getWhere() == null ? null : COPY_LINE.matcher(server.getWhere());
        if (server != null && server.getPosition() > 0) {
            String sql = statement.sql();
            int[] lc = SqlText.lineAndColumn(sql, Math.min(sql.length(),
                    variables.offsetAsWritten(sql, server.getPosition() - 1)));
            return new int[] {statement.line() + lc[0] - 1, lc[0] == 1 ? statement.column() + lc[1] - 1 : lc[1]};
        }
        if (copyDataLine > 0 && copyLine != null && copyLine.find()) {
            return new int[] {copyDataLine + Integer.parseInt(copyLine.group(1)) - 1, 1};
        }
        return new int[] {statement.line(), statement.column()};
    }

    /** The error in one line: {@code ERROR 42P01: relation "nope" does not exist}. */
    public static String headline(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null) {
            return (server.getSeverity() == null ? "ERROR" : server.getSeverity()) + " " + server.getSQLState() + ": "
                    + server.getMessage();
        }
        return (e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ") + e.getMessage();
    }

    private static void appendField(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append("\n  ").append(label).append(": ").append(value);
        }
    }
}
