package ai.pmoves.engine.seed;

import java.util.List;

/**
 * What a seed run did; each list holds recorded paths ({@code db/v5_12_seed.sql}) in run order.
 *
 * @param ran           the files that ran
 * @param unchanged     the files that had run already with the same hash, and did not run
 * @param changedNotRun the files that changed since they ran but did not run again ({@code seedMode=once})
 * @param millis        wall time of the whole run
 */
public record SeedResult(List<String> ran, List<String> unchanged, List<String> changedNotRun, long millis) {
}
