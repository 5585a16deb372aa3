package ai.pmoves.engine.lint;

import java.util.List;
import java.util.Set;

/**
 * A plan's statement that takes AccessExclusiveLock on a table the target has and that holds rows, with no lock
 * timeout set (neither migrationLockTimeout nor the file itself): if it has to wait for the lock, every query on the
 * table queues behind it for as long as it waits. Only the plan knows the target's tables, so only the plan runs it:
 * it is told which statements those are, by {@code file:line} of their first line.
 */
final class LockTimeoutUnsetRule extends HazardRule {
    static final String ID = "lock-timeout-unset";

    private final Set<String> unguarded;

    LockTimeoutUnsetRule(Set<String> unguarded) {
        super(ID, "while it waits for its AccessExclusiveLock, every later query on the table waits behind it: reads"
                + " too, for as long as the query ahead of it runs", "set migrationLockTimeout (e.g. 5s, with"
                + " migrationLockRetries), or SET lock_timeout = '5s' at the top of the file");
        this.unguarded = unguarded;
    }

    /** {@code file:line} of a statement, as {@link #LockTimeoutUnsetRule} is told them. */
    static String key(String file, int line) {
        return file + ":" + line;
    }

    @Override
    void check(SourceFile file, LintStatement statement, Seen seen, List<Finding> out) {
        if (unguarded.contains(key(file.displayName(), statement.statement().line()))) {
            out.add(at(file, statement, 0, "it takes AccessExclusiveLock on a table with rows, and no lock timeout"
                    + " is set"));
        }
    }
}
