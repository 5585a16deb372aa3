package ai.pmoves.engine.rollback;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.db.ReadOnlyDatabase;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.script.ScriptFailure;
import ai.pmoves.engine.script.ScriptRunner;
import java.sql.SQLException;

/**
 * Undoes one migration: its down script and the deletion of its history row in one transaction, so a failure leaves
 * the migration applied; or, for a down script that cannot run in a transaction, statement by statement, the row
 * deleted after the last one and its failure recorded if one of them fails: the rule migrations follow.
 */
final class UndoRunner {
    private final ScriptRunner scripts;
    private final HistoryTable history;
    private final WorkSession session;

    UndoRunner(WorkSession session, HistoryTable history, int serverMajorVersion) {
        this.scripts = new ScriptRunner(session, serverMajorVersion);
        this.history = history;
        this.session = session;
    }

    /** Why the down script must run outside a transaction, or null. */
    String nonTransactionalReason(MigrationScript down) {
        return scripts.nonTransactionalReason(down);
    }

    /**
     * Runs the down script and deletes the row; returns the milliseconds it took.
     *
     * @param progress what the rest of the run did and did not do, appended to a failure's message
     */
    long undo(RollbackPlan.Step step, MigrationScript down, String downName, String progress) {
        try {
            return scripts.run(down, (c, ms) -> history.delete(c, step.version()),
                    (c, ms) -> history.recordFailed(c, step.version(), step.fileName(), null, null, ms));
        } catch (ScriptFailure f) {
            throw new PmovesException(message(step, down, downName, f) + "\n" + progress, f.getCause());
        }
    }

    private String message(RollbackPlan.Step step, MigrationScript down, String downName, ScriptFailure f) {
        String name = Printable.of(step.fileName());
        String version = Printable.of(step.version());
        String cannotDelete = "Cannot delete the row of " + name + " (version " + version + ") from "
                + history.name() + ": " + f.getMessage();
        if (f.rolledBack()) {
            // a database that only reads is no fault of the down script
            String readOnly = f.getCause() instanceof SQLException e
                    ? ReadOnlyDatabase.advice(e, session.connection()) : "";
            return (f.inHistoryChange() ? cannotDelete : f.describe(downName, down)) + "\nThe undo of "
                    + name + " was rolled back: it is still applied, its row still in " + history.name()
                    + "." + (readOnly.isEmpty() ? " Fix the down script and run again." : readOnly);
        }
        if (f.inHistoryChange()) {
            return cannotDelete + ". Its down script ran outside a transaction and took effect: record that it is"
                    + " undone with mvn pmoves:repair -Dpmoves.markReverted=" + version + ".";
        }
        String failed = f.describe(downName, down) + "\nThe down script of " + name + " ran outside a"
                + " transaction (" + f.nonTransactionalReason() + "): the " + Counted.of(f.statementsDone(), "statement")
                + " before this one took effect. ";
        String markReverted = "mvn pmoves:repair -Dpmoves.markReverted=" + version;
        if (f.failureNotRecorded() != null) {
            return failed + "It could not be recorded as failed in " + history.failedName() + " either ("
                    + f.failureNotRecorded().getMessage() + "): its row in " + history.name() + " still says applied."
                    + " Either finish the undo by hand and, once the user may write to " + history.name()
                    + ", record it (" + markReverted + "), or restore what the down script removed, and the row is"
                    + " right again.";
        }
        return failed + "The migration is recorded as failed in " + history.failedName() + ", and runs refuse to go on"
                + " until you either finish the undo by hand and record it (" + markReverted + "), or restore what the"
                + " down script removed and record the migration as applied again (mvn pmoves:repair"
                + " -Dpmoves.markApplied=" + version + ").";
    }
}
