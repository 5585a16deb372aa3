package ai.pmoves.engine.seed;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.db.Transactions;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.migration.ChecksumInputStream;
import ai.pmoves.engine.script.ExecutionError;
import ai.pmoves.engine.script.Progress;
import ai.pmoves.engine.script.SessionEffect;
import ai.pmoves.engine.script.TransactionRules;
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
import java.util.EnumSet;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Runs one seed file in one transaction together with its seed table row, streaming it: statements are read one at a
 * time and COPY data goes from the file to the server through the driver's CopyManager, so a file of any size runs in a
 * fixed amount of memory (the largest single statement). A wrapper ({@code BEGIN} first, {@code COMMIT} last) is
 * dropped; from any other transaction control on, the file runs as written, as psql runs it (design.md: Applying
 * migrations). Each file starts in a session as fresh as psql's (see {@link WorkSession}).
 */
final class SeedRunner {
    private static final int READ_BUFFER = 1 << 16;
    private static final String FIX_THE_FILE = " Fix the file and run again.";

    private final WorkSession session;
    private final SeedTable table;
    private final int serverMajorVersion;
    private final EngineLog log;
    private final Progress progress;
    private Connection connection;
    /** The file's first transaction control that is not a wrapper, from which it runs as written; null while atomic. */
    private SqlStatement ownControl;

    SeedRunner(WorkSession session, SeedTable table, int serverMajorVersion, EngineLog log, Progress progress) {
        this.session = session;
        this.table = table;
        this.serverMajorVersion = serverMajorVersion;
        this.log = log;
        this.progress = progress;
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
        connection = session.forNextFile();
        ownControl = null;
        SqlStatement current = null;
        int copyDataLine = 0;
        Set<SessionEffect> effects = EnumSet.noneOf(SessionEffect.class);
        SqlStatementReader reading = null; // where a failure that is not the server's stopped the file
        try (ChecksumInputStream bytes = new ChecksumInputStream(new BufferedInputStream(
                Files.newInputStream(seed.file()), READ_BUFFER));
             SqlStatementReader reader = SqlStatementReader.ofNormalized(utf8(bytes));
             Statement st = connection.createStatement()) {
            reading = reader;
            connection.setAutoCommit(false);
            // The file is PostgreSQL's SQL, as psql reads it: no JDBC {fn …} escapes.
            st.setEscapeProcessing(false);
            session.takeOnChangedDefaults(st);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            boolean openedByFile = false; // its first statement is a wrapper BEGIN: this transaction is its block
            SqlStatement heldEnd = null; // a COMMIT or END, the wrapper's end unless a statement follows it
            int index = 0;
            for (SqlStatement s; (s = reader.next()) != null; index++) {
                if (heldEnd != null) {
                    current = heldEnd;
                    runAsWrittenFrom(seed, heldEnd, openedByFile, st);
                    heldEnd = null;
                }
                if (ownControl == null && TransactionRules.isTransactionControl(s)) {
                    if (index == 0 && TransactionRules.isWrapperBegin(s)) {
                        openedByFile = true;
                    } else if (TransactionRules.isWrapperEnd(s)) {
                        heldEnd = s;
                    } else {
                        current = s;
                        runAsWrittenFrom(seed, s, openedByFile, st);
                    }
                    continue;
                }
                current = s;
                if (ownControl == null) {
                    refuseNonTransactional(seed, s);
                }
                SessionEffect effect = SessionEffect.of(s);
                if (effect != null) {
                    effects.add(effect);
                }
                Reader data = reader.copyData();
                copyDataLine = data == null ? 0 : reader.copyDataLine();
                String where = seed.path() + ":" + s.line();
                if (data != null) {
                    copy.copyIn(session.sqlOf(s), progress.copy(where, data), READ_BUFFER);
                } else {
                    try (Progress.Running running = progress.statement(where)) {
                        st.execute(session.sqlOf(s));
                    }
                }
                autoCommitOnceOutOfBlock();
            }
            current = null;
            String hash = bytes.checksum();
            if (plannedHash != null && !plannedHash.equals(hash)) {
                throw new PmovesException(shown(seed) + " changed while it ran: it was not recorded.\n"
                        + outcome(seed));
            }
            if (ownControl != null && session.inTransactionBlock()) {
                throw new PmovesException(shown(seed) + " ends inside a transaction block, which psql rolls back when"
                        + " the file ends: end the block with COMMIT.\n" + outcome(seed));
            }
            resetSession(st);
            int ms = (int) ((System.nanoTime() - start) / 1_000_000);
            table.record(connection, seed.path(), hash, ms);
            if (ownControl == null) {
                connection.commit();
            }
            autoCommit();
            if (effects.contains(SessionEffect.DEFAULTS)) {
                session.defaultsChanged();
            } else if (effects.contains(SessionEffect.SESSION_OBJECTS)) {
                session.needsNewSession();
            }
            return ms;
        } catch (SQLException e) {
            rollBack();
            throw new PmovesException((current == null ? "Cannot record " + shown(seed) + " in " + table.name() + ": "
                    + e.getMessage() : ExecutionError.describe(seed.path(), current, e, copyDataLine,
                    session.variables()))
                    + "\n" + outcome(seed, current == null ? FIX_THE_FILE : MissingPlatform.advice(e, connection)), e);
        } catch (SqlSyntaxException e) {
            rollBack();
            throw new PmovesException(shown(seed) + ":" + e.line() + ":" + e.column() + ": " + e.reason() + "\n"
                    + outcome(seed), e);
        } catch (CharacterCodingException e) {
            rollBack();
            throw new PmovesException(shown(seed) + " is not valid UTF-8 (" + Printable.of(seed.file()) + "): save it"
                    + " as UTF-8;"
                    + " PostgreSQL and the Supabase CLI read SQL files as UTF-8.\n" + outcome(seed), e);
        } catch (IOException e) {
            rollBack();
            throw new PmovesException("Cannot read " + Printable.of(seed.file()) + ": " + Printable.of(e.getMessage())
                    + "\n" + outcome(seed), e);
        } catch (PmovesException e) {
            rollBack();
            throw e;
        } catch (RuntimeException | Error e) {
            // Not the server's: the JVM out of memory on a line longer than the heap holds, most likely. The reader
            // knows the line: of the statement it was reading, or of the one that was running.
            int line = reading == null ? 0 : reading.line();
            rollBack();
            throw new PmovesException(shown(seed) + (line > 0 ? ":" + line : "") + ": "
                    + ExecutionError.notTheServers(e) + ".\n" + outcome(seed, ""), e);
        }
    }

    /**
     * From {@code control} on, the file runs as written, as psql runs it. If the file opened with a wrapper BEGIN,
     * the transaction so far is its block and {@code control} acts on it; if not, psql would have committed each
     * statement so far, and so is the transaction before {@code control} runs on its own.
     */
    private void runAsWrittenFrom(SeedFile seed, SqlStatement control, boolean openedByFile, Statement st)
            throws SQLException {
        ownControl = control;
        log.info(seed.path() + " runs outside a single transaction, not atomic: it has transaction control of its own ("
                + TransactionRules.describe(control) + "), so from there it runs as written, as psql runs it.");
        if (!openedByFile) {
            connection.commit();
            connection.setAutoCommit(true);
        }
        st.execute(control.sql());
        autoCommitOnceOutOfBlock();
    }

    /**
     * Running as written, the driver must not open transactions of its own: it would before the next statement while
     * it is not in auto-commit, and it can be switched only outside a block (switching commits an open one).
     */
    private void autoCommitOnceOutOfBlock() throws SQLException {
        if (ownControl != null && !connection.getAutoCommit() && !session.inTransactionBlock()) {
            connection.setAutoCommit(true);
        }
    }

    private void refuseNonTransactional(SeedFile seed, SqlStatement s) {
        String reason = TransactionRules.nonTransactionalReason(s, serverMajorVersion);
        if (reason != null) {
            throw new PmovesException(shown(seed) + ":" + s.line() + ":" + s.column() + ": " + reason + " cannot run in"
                    + " a transaction, and a seed runs in one transaction with its seed table row: move the statement"
                    + " into a migration (which runs it outside a transaction).\n" + outcome(seed));
        }
    }

    /** What a failure left: nothing of an atomic file; what committed before it of a file run as written. */
    private String outcome(SeedFile seed) {
        return outcome(seed, FIX_THE_FILE);
    }

    private String outcome(SeedFile seed, String advice) {
        if (ownControl != null) {
            return "Seed " + shown(seed) + " ran as written (" + TransactionRules.describe(ownControl) + " is"
                    + " transaction control of its own), not atomic: what it committed before the failure stays, and"
                    + " the block open at the failure was rolled back. It is not recorded, so the next run runs it"
                    + " again from the start: fix the file, undo what it did if running it again would clash, and run"
                    + " again."
                    + (advice.equals(FIX_THE_FILE) ? "" : advice);
        }
        return "Seed " + shown(seed) + " was rolled back: none of it is applied and it is not recorded; the files"
                + " before it stay applied, and nothing after it ran." + advice;
    }

    /** The seed's path as a message shows it. */
    private static String shown(SeedFile seed) {
        return Printable.of(seed.path());
    }

    private static Reader utf8(InputStream bytes) {
        return new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Rolls back what the file left open, then leaves the connection in auto-commit for the next file: only after the
     * rollback, since switching auto-commit on commits an open transaction.
     */
    private void rollBack() {
        if (Transactions.rollBackQuietly(connection)) {
            autoCommit();
        }
    }

    /**
     * psql gives every file a session of its own; here files share one, so what a file SETs (a dump's empty
     * search_path, a SET ROLE) is undone before the next file, or the migrations after the init scripts, runs. Undone
     * in the file's own transaction, before its row is written: behind a pooler in transaction mode the next
     * statement may run on another server session, and what the file SET would stay on this one, for other clients.
     * Always, for a seed: it may call functions that SET, and a seed's run is not counted in milliseconds.
     */
    private void resetSession(Statement st) throws SQLException {
        session.reset(st);
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection fails the next statement with its own error
        }
    }
}
