package ai.pmoves.engine.sql;

/**
 * A SQL file cannot be split into statements: an unterminated token or a psql meta-command.
 * The position is that of the offending (opening) token in the normalized text.
 */
public final class SqlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final int column;

    /**
     * @param reason what is wrong and how to fix it
     * @param line 1-based line of the offending token
     * @param column 1-based column of the offending token
     */
    public SqlSyntaxException(String reason, int line, int column) {
        super("line " + line + ", column " + column + ": " + reason);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the offending token. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending token. */
    public int column() {
        return column;
    }

    /** What is wrong and how to fix it, without the position. */
    public String reason() {
        return reason;
    }
}
