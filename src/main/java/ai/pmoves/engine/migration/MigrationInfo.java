package ai.pmoves.engine.migration;

import ai.pmoves.engine.history.HistoryRow;
import ai.pmoves.engine.migration.Migration;

/**
 * One line of the status: a migration file, its history row, or both.
 *
 * @param migration    the file, or null when {@code MISSING}
 * @param row          the history row, or null when pending
 * @param fileChecksum the file's checksum, or null when {@code MISSING}
 * @param orderKey     the 14-digit key, or null for a recorded version without a date
 */
public record MigrationInfo(String version, String name, MigrationState state, Migration migration, HistoryRow row,
                            String fileChecksum, String orderKey) {
}
