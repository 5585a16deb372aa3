package ai.pmoves.engine.script;

import ai.pmoves.engine.Printable;
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
    /** A line of the statement is shown up to this many chars: a seed's single line may be hundreds of megabytes. */
    private static final int LINE_CHARS_SHOWN = 200;
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
     * substituted: the server's position is in the substituted text and is mapped back to the file as written. A
     * failure that is not an SQLException (the JVM out of memory) is put as {@link #notTheServers} puts it.
     */
    public static String describe(String fileName, SqlStatement statement, Throwable e, int copyDataLine,
                                  PsqlVariables variables) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        int[] position = position(statement, e, copyDataLine, variables);
        StringBuilder sb = new StringBuilder();
        sb.append(Printable.of(fileName)).append(':').append(position[0]).append(':').append(position[1])
                .append(": ");
        appendError(sb, e, server);
        sb.append("\n  Statement at line ").append(statement.line()).append(':');
        appendFirstLines(sb, statement.sql());
        return sb.toString();
    }

    /**
     * Describes {@code e}, raised when the transaction of the file {@code fileName} committed, after its last
     * statement: no line of the file is to blame, and a constraint or trigger deferred to the commit says which row in
     * its detail.
     */
    public static String describeCommit(String fileName, Throwable e) {
        StringBuilder sb = new StringBuilder(Printable.of(fileName)).append(", when its transaction committed after"
                + " its last statement: ");
        appendError(sb, e, e instanceof PSQLException p ? p.getServerErrorMessage() : null);
        if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
            sb.append("\n  A constraint checked at the commit failed: one declared DEFERRABLE INITIALLY DEFERRED, or set"
                    + " DEFERRED in the file. Put right the rows it names before the file ends, or add SET CONSTRAINTS"
                    + " ALL IMMEDIATE at its top to see which statement breaks it.");
        }
        return sb.toString();
    }

    private static void appendError(StringBuilder sb, Throwable e, ServerErrorMessage server) {
        sb.append(e instanceof SQLException sql ? headline(sql) : notTheServers(e));
        if (server != null) {
            appendField(sb, "Detail", server.getDetail());
            appendField(sb, "Hint", server.getHint());
            appendField(sb, "Where", server.getWhere());
        }
    }

    /**
     * Where in the file the error is, as {line, column}: the server's position mapped back through the statement (and
     * the variables it ran with), the row of a failed COPY's data, or else the statement's start.
     */
    public static int[] position(SqlStatement statement, Throwable e, int copyDataLine, PsqlVariables variables) {
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

    /**
     * The error in one line: {@code ERROR 42P01: relation "nope" does not exist}. The server's message is one line, as
     * PostgreSQL writes them; a name it quotes keeps it one.
     */
    public static String headline(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null) {
            return (server.getSeverity() == null ? "ERROR" : server.getSeverity()) + " " + server.getSQLState() + ": "
                    + Printable.of(server.getMessage());
        }
        return (e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ") + Printable.of(e.getMessage());
    }

    /**
     * What a failure that is not the server's means, and the way out, for a message that names the file already: the
     * JVM out of memory (a statement is held whole while it is read and sent, a seed's COPY data is not), or an error
     * of the JVM, the driver or the plugin, whose stack trace is in the debug log.
     */
    public static String notTheServers(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "the JVM ran out of memory (" + e.getMessage() + "): a statement is held whole in memory, several"
                    + " times over, while it is read and sent. Give Maven a larger heap (MAVEN_OPTS=-Xmx2g, or a line"
                    + " -Xmx2g in .mvn/jvm.config) or split the statement into smaller ones";
        }
        return "the run stopped on " + e + ", an error of the JVM or the plugin rather than the server (mvn -X shows"
                + " where it was raised)";
    }

    /**
     * The first lines of the statement, each cut short: read line by line, so that a statement too long for the heap
     * is not copied again to be described.
     */
    private static void appendFirstLines(StringBuilder sb, String sql) {
        int from = 0;
        for (int shown = 0; from <= sql.length(); shown++) {
            if (shown == STATEMENT_LINES_SHOWN) {
                sb.append("\n    | …");
                return;
            }
            int end = sql.indexOf('\n', from);
            int lineEnd = end < 0 ? sql.length() : end;
            sb.append("\n    | ").append(sql, from, Math.min(lineEnd, from + LINE_CHARS_SHOWN));
            if (lineEnd - from > LINE_CHARS_SHOWN) {
                sb.append(" …");
            }
            if (end < 0) {
                return;
            }
            from = end + 1;
        }
    }

    /**
     * A detail, hint or context may span lines (a context names every function the error passed through), and quotes
     * the files' names and data: each of its lines is shown, escaped and indented under the field, so that none can
     * pass for a line of the build's log.
     */
    private static void appendField(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append("\n  ").append(label).append(": ")
                    .append(String.join("\n    ", value.lines().map(Printable::of).toList()));
        }
    }
}
