package ai.pmoves.engine.seed;

import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.script.Progress;
import java.time.Duration;

/**
 * What {@link Seeder} is asked to do: {@code SeedOptions.of(sources)} and a {@code with…} for each setting that is
 * not the default, e.g. {@code .withMode(SeedMode.ONCE)}.
 *
 * @param sources      the seed files
 * @param mode         when a file that already ran runs again (default {@code changed})
 * @param seedTable    where each file's path and hash are recorded (default {@code supabase_migrations.seed_files})
 * @param historyTable the migration history whose lock the run takes: the same lock as {@code apply}, so a seed never
 *                     runs against a half-migrated schema and bootstrap holds one lock for everything
 * @param lockTimeout  how long to wait for another run's lock (default 60 s)
 * @param progressEvery how often a long COPY or statement says how far it got (default 10 s)
 */
public record SeedOptions(SeedSources sources, SeedMode mode, TableName seedTable, TableName historyTable,
                          Duration lockTimeout, Duration progressEvery) {

    public static SeedOptions of(SeedSources sources) {
        return new SeedOptions(sources, SeedMode.CHANGED, SeedTable.DEFAULT_NAME, HistoryTable.DEFAULT_NAME,
                AdvisoryLock.DEFAULT_TIMEOUT, Progress.EVERY);
    }

    public SeedOptions withSources(SeedSources sources) {
        return new SeedOptions(sources, mode, seedTable, historyTable, lockTimeout, progressEvery);
    }

    public SeedOptions withMode(SeedMode mode) {
        return new SeedOptions(sources, mode, seedTable, historyTable, lockTimeout, progressEvery);
    }

    public SeedOptions withSeedTable(TableName seedTable) {
        return new SeedOptions(sources, mode, seedTable, historyTable, lockTimeout, progressEvery);
    }

    public SeedOptions withHistoryTable(TableName historyTable) {
        return new SeedOptions(sources, mode, seedTable, historyTable, lockTimeout, progressEvery);
    }

    public SeedOptions withLockTimeout(Duration lockTimeout) {
        return new SeedOptions(sources, mode, seedTable, historyTable, lockTimeout, progressEvery);
    }

    public SeedOptions withProgressEvery(Duration progressEvery) {
        return new SeedOptions(sources, mode, seedTable, historyTable, lockTimeout, progressEvery);
    }
}
