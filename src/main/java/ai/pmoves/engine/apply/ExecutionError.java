package ai.pmoves.engine.apply;

import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlText;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a failed statement into the message a user needs: file:line:column (PostgreSQL's error position mapped
 * back into the file), SQLSTATE, the server's message, detail, hint and context, and the first lines of the statement.
 */
public final class ExecutionError {
    private static final int STATEMENT_LINES_SHOWN = 5;

    private ExecutionError() {
    }

    /** Describes {@code e}, raised by {@code statement} of the file {@code fileName} whose normalized text is {@code text}. */
    public static String describe(String fileName, String text, SqlStatement statement, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        int line = statement.line();
        int column = statement.column();
        if (server != null && server.getPosition() > 0) {
            int offset = Math.min(text.length(), statement.offset() + server.getPosition() - 1);
            int[] lc = SqlText.lineAndColumn(text, offset);
            line = lc[0];
            column = lc[1];
        }
        StringBuilder sb = new StringBuilder();
        sb.append(fileName).append(':').append(line).append(':').append(column).append(": ");
        if (server != null) {
            sb.append(server.getSeverity() == null ? "ERROR" : server.getSeverity()).append(' ')
                    .append(server.getSQLState()).append(": ").append(server.getMessage());
            appendField(sb, "Detail", server.getDetail());
            appendField(sb, "Hint", server.getHint());
            appendField(sb, "Where", server.getWhere());
        } else {
            sb.append(e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ").append(e.getMessage());
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

    private static void appendField(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append("\n  ").append(label).append(": ").append(value);
        }
    }
}
