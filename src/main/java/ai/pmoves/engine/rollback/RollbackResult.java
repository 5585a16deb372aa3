package ai.pmoves.engine.rollback;

import java.util.List;

/**
 * What a rollback did.
 *
 * @param undone the file names of the migrations undone (or, in a dry run, that would be), newest first
 * @param millis wall time of the whole run
 */
public record RollbackResult(List<String> undone, long millis) {
}
