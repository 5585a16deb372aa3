package ai.pmoves.engine.seed;

import java.time.LocalDateTime;

/**
 * One row of the seed table. Rows the Supabase CLI wrote have only path and hash.
 *
 * @param appliedAt   when the file last ran (UTC), or null
 * @param executionMs how long it took, or null
 */
public record SeedRow(String path, String hash, LocalDateTime appliedAt, Integer executionMs) {
}
