package ai.pmoves.engine.tap;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.script.ExecutionError;
import ai.pmoves.engine.script.TransactionRules;
import ai.pmoves.engine.sql.SqlStatement;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLWarning;

/**
 * Runs one pgTAP file as psql runs it for pg_prove: in a session of its own, statement by statement, stopping at the
 * first error ({@code ON_ERROR_STOP}), every value of every row printed as a line of TAP and every notice as a
 * diagnostic (the values of the psql variables, which are never printed, masked as {@code :'name'}). And so that a test never leaves data behind, inside a transaction that is rolled back at its end: a
 * {@code BEGIN} first and a {@code ROLLBACK} (or {@code COMMIT}) last are the file's wrapper around the same thing and
 * are dropped, and savepoints work inside it. Only a file with other transaction control of its own ({@code COMMIT} in
 * the middle, several blocks) runs as written, with autocommit between its blocks, as psql would run it; a block it
 * leaves open is rolled back, as psql's exit would.
 */
final class TestFileRunner {
    private final ConnectionSettings settings;
    private final String serverVersion;
    private final EngineLog log;

    TestFileRunner(ConnectionSettings settings, String serverVersion, EngineLog log) {
        this.settings = settings;
        this.serverVersion = serverVersion;
        this.log = log;
    }

    /** The file's first transaction control that makes it run as written (see the class comment), or null. */
    static SqlStatement ownTransactionControl(List<SqlStatement> statements) {
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            if (TransactionRules.isTransactionControl(s) && !TransactionRules.isSavepointControl(s)
                    && !(i == 0 && TransactionRules.isWrapperBegin(s))
                    && !(i == statements.size() - 1
                    && (TransactionRules.isWrapperEnd(s) || TransactionRules.isPlainRollback(s)))) {
                return s;
            }
        }
        return null;
    }

    TestFileResult run(TestFile file, MigrationScript script) {
        long start = System.nanoTime();
        SqlStatement own = ownTransactionControl(script.statements());
        if (own != null) {
            log.warn(file.path() + " has transaction control of its own (" + TransactionRules.describe(own) + "): it"
                    + " runs as written, as psql runs it, and what it commits stays in the database.");
        }
        TapReader tap = new TapReader();
        SqlError error = null;
        try (Connection connection = settings.connect("test")) {
            connection.setAutoCommit(own != null);
            try (Statement st = connection.createStatement()) {
                st.setEscapeProcessing(false); // PostgreSQL's SQL, as psql reads it: no JDBC {fn …} escapes
                long last = System.nanoTime();
                for (SqlStatement s : script.statements()) {
                    if (own == null && TransactionRules.isTransactionControl(s)
                            && !TransactionRules.isSavepointControl(s)) {
                        continue; // the wrapper: the file runs in the transaction that is rolled back
                    }
                    tap.statement(s.line());
                    try {
                        execute(connection, st, s, tap);
                    } catch (SQLException e) {
                        notices(st.getWarnings(), tap);
                        error = error(file, s, e);
                        break;
                    }
                    notices(st.getWarnings(), tap);
                    st.clearWarnings();
                    long now = System.nanoTime();
                    tap.statementDone(now - last);
                    last = now;
                    if (tap.bailedOut()) {
                        break;
                    }
                }
            }
            rollback(connection, error != null);
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
        return new TestFileResult(file, tap.result(error == null), error, System.nanoTime() - start);
    }

    private void execute(Connection connection, Statement st, SqlStatement s, TapReader tap) throws SQLException {
        String sql = settings.variables().substitute(s.sql());
        if (s.isCopyFromStdin()) {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(s.copyData()));
            } catch (IOException e) {
                throw new SQLException("COPY data could not be sent: " + e.getMessage(), e);
            }
            return;
        }
        boolean rows = st.execute(sql);
        while (rows || st.getUpdateCount() != -1) {
            if (rows) {
                try (ResultSet rs = st.getResultSet()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            String value = rs.getString(c);
                            if (value != null) {
                                tap.print(settings.variables().mask(value));
                            }
                        }
                    }
                }
            }
            rows = st.getMoreResults();
        }
    }

    private void notices(SQLWarning warning, TapReader tap) {
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            String text = w instanceof PSQLWarning p && p.getServerErrorMessage() != null
                    ? p.getServerErrorMessage().getSeverity() + ": " + p.getServerErrorMessage().getMessage()
                    : String.valueOf(w.getMessage());
            tap.notice(settings.variables().mask(text));
        }
    }

    private SqlError error(TestFile file, SqlStatement s, SQLException e) {
        int[] position = ExecutionError.position(s, e, 0, settings.variables());
        String description = ExecutionError.describe(file.path(), s, e, 0, settings.variables());
        if (("0A000".equals(e.getSQLState()) || "58P01".equals(e.getSQLState()))
                && String.valueOf(e.getMessage()).contains("\"pgtap\"")) {
            description += "\n" + PgTap.missing(settings.maskedUrl(), serverVersion).getMessage();
        }
        return new SqlError(position[0], e.getSQLState() == null ? "" : e.getSQLState(),
                settings.variables().mask(ExecutionError.headline(e)), settings.variables().mask(description));
    }

    /**
     * Nothing of the file stays: its transaction, or a block it left open, is rolled back. After an error the
     * connection may be broken, and then the server has rolled back with it: the error is the one to report.
     */
    private static void rollback(Connection connection, boolean afterError) throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            } else if (connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
                try (Statement st = connection.createStatement()) {
                    st.execute("ROLLBACK");
                }
            }
        } catch (SQLException e) {
            if (!afterError) {
                throw e;
            }
        }
    }
}
