package ai.pmoves.engine.seed;

import ai.pmoves.engine.history.TableName;
import java.time.Duration;

/**
 * What {@link Seeder} is asked to do.
 *
 * @param sources      the seed files
 * @param mode         when a file that already ran runs again
 * @param seedTable    where each file's path and hash are recorded ({@code supabase_migrations.seed_files})
 * @param historyTable the migration history whose lock the run takes: the same lock as {@code apply}, so a seed never
 *                     runs against a half-migrated schema and bootstrap holds one lock for everything
 * @param lockTimeout  how long to wait for another run's lock
 */
public record SeedOptions(SeedSources sources, SeedMode mode, TableName seedTable, TableName historyTable,
                          Duration lockTimeout) {
}
