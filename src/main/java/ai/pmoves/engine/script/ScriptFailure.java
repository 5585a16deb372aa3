package ai.pmoves.engine.script;

import ai.pmoves.engine.locks.LockWait;
import ai.pmoves.engine.migration.MigrationScript;
import ai.pmoves.engine.sql.PsqlVariables;
import ai.pmoves.engine.sql.SqlStatement;
import java.sql.SQLException;

/**
 * How a {@link ScriptRunner} run failed: which statement (or the history change, or the commit), and whether the
 * statements before it took effect. Checked, so that every caller words the failure for what the file was. The cause is
 * the server's SQLException, or whatever else stopped the run (the JVM out of memory), worded by
 * {@link ExecutionError#notTheServers}.
 */
public final class ScriptFailure extends Exception {
    private final transient SqlStatement statement;
    private final String nonTransactionalReason;
    private final int statementsDone;
    private transient PsqlVariables variables = PsqlVariables.NONE;
    private transient SQLException failureNotRecorded;
    private boolean atCommit;

    ScriptFailure(SqlStatement statement, Throwable cause, String nonTransactionalReason, int statementsDone) {
        super(cause instanceof SQLException ? cause.getMessage() : ExecutionError.notTheServers(cause), cause);
        this.statement = statement;
        this.nonTransactionalReason = nonTransactionalReason;
        this.statementsDone = statementsDone;
    }

    /** The variables the statement ran with, which the error position is mapped back through. */
    ScriptFailure ranWith(PsqlVariables variables) {
        this.variables = variables;
        return this;
    }

    /** Why the failure itself could not be recorded (outside a transaction), or null when it was or had no need. */
    ScriptFailure failureNotRecorded(SQLException why) {
        this.failureNotRecorded = why;
        return this;
    }

    /**
     * Marks a failure of the transaction's commit, after every statement and the history change ran: a constraint or
     * trigger deferred to the end of the transaction failed there.
     */
    ScriptFailure atCommit() {
        this.atCommit = true;
        return this;
    }

    /**
     * Why the record of this failure (outside a transaction, where statements before it took effect) could not be
     * written, or null when it was: then nothing stops the next run from running the file again.
     */
    public SQLException failureNotRecorded() {
        return failureNotRecorded;
    }

    /** Whether the history change failed after every statement ran (rather than a statement or the commit). */
    public boolean inHistoryChange() {
        return statement == null && !atCommit;
    }

    /** Whether the script ran in a transaction, which was rolled back: none of it took effect. */
    public boolean rolledBack() {
        return nonTransactionalReason == null;
    }

    /** Why the script ran outside a transaction, or null. */
    public String nonTransactionalReason() {
        return nonTransactionalReason;
    }

    /** Whether a statement gave up waiting for a lock (SQLSTATE 55P03: lock_timeout, or NOWAIT). */
    public boolean lockTimedOut() {
        return statement != null && LockWait.isLockTimeout(getCause());
    }

    /**
     * Whether none of the script took effect: it was rolled back whole, or it ran outside a transaction and its first
     * statement is the one that failed. Such a script can simply be run again.
     */
    public boolean nothingTookEffect() {
        return statement != null && (rolledBack() || statementsDone == 0);
    }

    /** The statement that failed; null when the history change or the commit failed. */
    public SqlStatement statement() {
        return statement;
    }

    /** How many statements took effect before the failing one (outside a transaction). */
    public int statementsDone() {
        return statementsDone;
    }

    /**
     * The failing statement as {@link ExecutionError#describe} puts it, naming the file as {@code fileName}; or the
     * failed commit, as {@link ExecutionError#describeCommit} puts it.
     */
    public String describe(String fileName, MigrationScript script) {
        return atCommit ? ExecutionError.describeCommit(fileName, getCause())
                : ExecutionError.describe(fileName, statement, getCause(), 0, variables);
    }
}
