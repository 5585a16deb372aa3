package ai.pmoves.engine.tap;

/**
 * The SQL error that stopped a test file, as psql with {@code ON_ERROR_STOP} (pg_prove's way) stops it.
 *
 * @param line        the file line of the error (the server's position mapped into the file)
 * @param sqlState    the SQLSTATE, e.g. {@code 42P01}; empty when the server gave none
 * @param headline    the error in one line, {@code ERROR 42P01: relation "nope" does not exist}
 * @param description the whole message: file:line:column, the server's message, detail, hint and the statement
 */
public record SqlError(int line, String sqlState, String headline, String description) {
}
