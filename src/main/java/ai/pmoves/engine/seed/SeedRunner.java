package ai.pmoves.engine.seed;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ExecutionError;
import ai.pmoves.engine.apply.TransactionRules;
import ai.pmoves.engine.migration.ChecksumInputStream;
import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlStatementReader;
import ai.pmoves.engine.sql.SqlSyntaxException;
import ai.pmoves.engine.supabase.MissingPlatform;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Runs one seed file in one transaction together with its seed table row, streaming it: statements are read one at
 * a time and COPY data goes from the file to the server through the driver's CopyManager, so a file of any size runs
 * in a fixed amount of memory (the largest single statement).
 */
final class SeedRunner {
    private static final int READ_BUFFER = 1 << 16;
    private static final String FIX_THE_FILE = " Fix the file and run again.";

    private final Connection connection;
    private final SeedTable table;
    private final int serverMajorVersion;

    SeedRunner(Connection connection, SeedTable table, int serverMajorVersion) {
        this.connection = connection;
        this.table = table;
        this.serverMajorVersion = serverMajorVersion;
    }

    /**
     * Runs the file and records it with the hash of the text that ran, computed as it streams; returns the
     * milliseconds it took.
     *
     * @param plannedHash the hash the file had when the run was planned, or null when none was needed: a file that
     *                    changed in between is rolled back rather than recorded with a hash it did not run with
     */
    int run(SeedFile seed, String plannedHash) {
        long start = System.nanoTime();
        SqlStatement current = null;
        int copyDataLine = 0;
        try (ChecksumInputStream bytes = new ChecksumInputStream(new BufferedInputStream(
                Files.newInputStream(seed.file()), READ_BUFFER));
             SqlStatementReader reader = SqlStatementReader.ofNormalized(utf8(bytes));
             Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            // The file is PostgreSQL's SQL, as psql reads it: no JDBC {fn …} escapes.
            st.setEscapeProcessing(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (SqlStatement s; (s = reader.next()) != null; ) {
                if (TransactionRules.isTransactionControl(s)) {
                    continue; // psql wrappers: the file already runs in its own transaction
                }
                current = s;
                refuseNonTransactional(seed, s);
                Reader data = reader.copyData();
                copyDataLine = data == null ? 0 : reader.copyDataLine();
                if (data != null) {
                    copy.copyIn(s.sql(), data, READ_BUFFER);
                } else {
                    st.execute(s.sql());
                }
            }
            current = null;
            String hash = bytes.checksum();
            if (plannedHash != null && !plannedHash.equals(hash)) {
                throw new PmovesException(seed.path() + " changed while it ran: it was not recorded.\n" + rolledBack(seed));
            }
            resetSession(st);
            int ms = (int) ((System.nanoTime() - start) / 1_000_000);
            table.record(connection, seed.path(), hash, ms);
            connection.commit();
            return ms;
        } catch (SQLException e) {
            rollback();
            throw new PmovesException((current == null ? "Cannot record " + seed.path() + " in " + table.name() + ": "
                    + e.getMessage() : ExecutionError.describe(seed.path(), current, e, copyDataLine))
                    + "\n" + rolledBack(seed, current == null ? FIX_THE_FILE : MissingPlatform.advice(e, connection)), e);
        } catch (SqlSyntaxException e) {
            rollback();
            throw new PmovesException(seed.path() + ":" + e.line() + ":" + e.column() + ": " + e.reason() + "\n"
                    + rolledBack(seed), e);
        } catch (CharacterCodingException e) {
            rollback();
            throw new PmovesException(seed.path() + " is not valid UTF-8 (" + seed.file() + "): save it as UTF-8;"
                    + " PostgreSQL and the Supabase CLI read SQL files as UTF-8.\n" + rolledBack(seed), e);
        } catch (IOException e) {
            rollback();
            throw new PmovesException("Cannot read " + seed.file() + ": " + e.getMessage() + "\n" + rolledBack(seed), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            autoCommit();
        }
    }

    private void refuseNonTransactional(SeedFile seed, SqlStatement s) {
        String reason = TransactionRules.nonTransactionalReason(s, serverMajorVersion);
        if (reason != null) {
            throw new PmovesException(seed.path() + ":" + s.line() + ":" + s.column() + ": " + reason + " cannot run in"
                    + " a transaction, and a seed runs in one transaction with its seed table row: move the statement"
                    + " into a migration (which runs it outside a transaction).\n" + rolledBack(seed));
        }
    }

    private static String rolledBack(SeedFile seed) {
        return rolledBack(seed, FIX_THE_FILE);
    }

    private static String rolledBack(SeedFile seed, String advice) {
        return "Seed " + seed.path() + " was rolled back: none of it is applied and it is not recorded; the files"
                + " before it stay applied, and nothing after it ran." + advice;
    }

    private static Reader utf8(InputStream bytes) {
        return new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the server rolls back with it
        }
    }

    /**
     * psql gives every file a session of its own; here files share one, so what a file SETs (a dump's empty
     * search_path, a SET ROLE) is undone before the next file, or the migrations after the init scripts, runs. Undone
     * in the file's own transaction, before its row is written: behind a pooler in transaction mode the next
     * statement may run on another server session, and what the file SET would stay on this one, for other clients.
     */
    private static void resetSession(Statement st) throws SQLException {
        st.execute("RESET ALL");
        st.execute("RESET ROLE");
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection fails the next statement with its own error
        }
    }
}
