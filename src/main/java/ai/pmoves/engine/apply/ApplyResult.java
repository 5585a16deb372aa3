package ai.pmoves.engine.apply;

import java.util.List;

/**
 * What an apply did.
 *
 * @param applied     the file names applied (or, in a dry run, that would be), in order
 * @param baselined   the versions recorded as baseline
 * @param upToDate    how many migrations were already applied
 * @param millis      wall time of the whole run
 */
public record ApplyResult(List<String> applied, List<String> baselined, int upToDate, long millis) {
}
