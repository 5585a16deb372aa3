package ai.pmoves.engine.history;

import java.time.LocalDateTime;

/**
 * One row of the history table. Rows the Supabase CLI wrote have only version and name: the other fields are null
 * and the row counts as applied.
 *
 * @param state null or {@code applied}, {@code baseline}, or {@code failed}
 */
public record HistoryRow(String version, String name, String checksum, LocalDateTime appliedAt, Integer executionMs,
                         String appliedBy, String state) {
    public static final String APPLIED = "applied";
    public static final String BASELINE = "baseline";
    public static final String FAILED = "failed";

    public boolean isFailed() {
        return FAILED.equals(state);
    }

    public boolean isBaseline() {
        return BASELINE.equals(state);
    }
}
