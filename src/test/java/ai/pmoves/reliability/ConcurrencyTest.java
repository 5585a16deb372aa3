package ai.pmoves.reliability;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.pmoves.engine.apply.ApplyResult;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.BootstrapResult;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs started together on one database, each with its own engine object and connections: one takes the migration
 * lock and does the work, the others wait (well within lockTimeout) and then find nothing to do; every migration is
 * applied exactly once. A migration that builds an index CONCURRENTLY while the others wait does not hang.
 */
class ConcurrencyTest {
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path root;

    @Test
    @Timeout(90)
    void eightAppliesApplyEachMigrationOnce() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "concurrent_apply");
        Corpus.write(db.directory, null);
        db.file("20250121_slow.sql", "SELECT pg_sleep(0.5);\nCREATE TABLE app.slow (id int);\n");
        List<ApplyResult> results = together(8, () -> new Migrator(db.settings(), new RecordingLog())
                .apply(db.options().withLockTimeout(LOCK_TIMEOUT)));
        assertOneDidEverything(results.stream().map(ApplyResult::applied).map(List::size).toList(), 21);
        results.stream().filter(r -> r.applied().isEmpty()).forEach(r -> assertEquals(21, r.upToDate()));
        assertEquals(List.of("21|21"), db.column("SELECT count(*) || '|' || count(DISTINCT version)"
                + " FROM supabase_migrations.schema_migrations WHERE state = 'applied'"));
    }

    @Test
    @Timeout(90)
    void eightAppliesWithACreateIndexConcurrentlyDoNotHang() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "concurrent_cic");
        db.file("20250101_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a SELECT generate_series(1, 20000);\n")
                .file("20250102_idx.sql", "SELECT pg_sleep(0.5);\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n")
                .file("20250103_b.sql", "CREATE TABLE b (id int);\n");
        List<ApplyResult> results = together(8, () -> new Migrator(db.settings(), new RecordingLog())
                .apply(db.options().withLockTimeout(LOCK_TIMEOUT)));
        assertOneDidEverything(results.stream().map(ApplyResult::applied).map(List::size).toList(), 3);
        assertEquals(List.of("t"), db.column("SELECT indisvalid FROM pg_index WHERE indexrelid = 'a_id'::regclass"));
    }

    @Test
    @Timeout(90)
    void fourBootstrapsRunEachFileOnce() throws Exception {
        MigrationsFixture db = new MigrationsFixture(root, "concurrent_bootstrap");
        Corpus.write(db.directory, null);
        Path init = Files.createDirectories(root.resolve("supabase/initdb"));
        Files.writeString(init.resolve("01_init.sql"), "CREATE SCHEMA IF NOT EXISTS ref;\n"
                + "CREATE TABLE IF NOT EXISTS ref.counter (n int);\nSELECT pg_sleep(0.3);\n");
        Path seeds = Files.createDirectories(root.resolve("db"));
        Files.writeString(seeds.resolve("01_seed.sql"), "INSERT INTO ref.counter VALUES (1);\n");
        SeedSources sources = SeedSources.in(root).withInitDirectory(configured(init))
                .withSeedDirectories(configured(seeds));
        SeedOptions seedOptions = SeedOptions.of(sources).withLockTimeout(LOCK_TIMEOUT);
        List<BootstrapResult> results = together(4, () -> new Bootstrapper(db.settings(), new RecordingLog())
                .bootstrap(new BootstrapOptions(db.options().withLockTimeout(LOCK_TIMEOUT), seedOptions,
                        SupabaseCompat.AUTO)));
        assertOneDidEverything(results.stream().map(r -> r.migrations().applied().size()).toList(), 20);
        assertOneDidEverything(results.stream().map(r -> r.initScripts().ran().size() + r.seeds().ran().size())
                .toList(), 2);
        assertEquals(List.of("1"), db.column("SELECT count(*) FROM ref.counter"), "the seed ran once");
        assertEquals(List.of("20"), db.column("SELECT count(*) FROM supabase_migrations.schema_migrations"));
    }

    /** Exactly one run did all {@code total} pieces of work; every other did none. */
    private static void assertOneDidEverything(List<Integer> done, int total) {
        List<Integer> expected = new ArrayList<>();
        expected.add(total);
        while (expected.size() < done.size()) {
            expected.add(0);
        }
        List<Integer> sorted = new ArrayList<>(done);
        sorted.sort((a, b) -> b - a);
        assertEquals(expected, sorted, "work done by each run");
    }

    /** Runs {@code n} copies of {@code run} on threads of their own, released at the same moment. */
    static <T> List<T> together(int n, Callable<T> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return run.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
