package ai.pmoves.engine.apply;

import java.util.List;

/**
 * What an apply did.
 *
 * @param applied     the file names applied (or, in a dry run, that would be), in order
 * @param baselined   the versions recorded as baseline
 * @param upToDate    how many migrations were already applied
 * @param millis      wall time of the whole run
 * @param definitions the recorded paths of the definitions that ran (or, in a dry run, would), in order
 */
public record ApplyResult(List<String> applied, List<String> baselined, int upToDate, long millis,
                          List<String> definitions) {

    /** A run without definitions. */
    public ApplyResult(List<String> applied, List<String> baselined, int upToDate, long millis) {
        this(applied, baselined, upToDate, millis, List.of());
    }
}
