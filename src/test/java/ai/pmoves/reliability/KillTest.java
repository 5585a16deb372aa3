package ai.pmoves.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.engine.apply.MigrationsFixture;
import ai.pmoves.engine.db.AdvisoryLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} in a JVM of its own, killed with SIGKILL ({@code Process.destroyForcibly}) at a random moment while it
 * works through migrations that sleep: after each kill no advisory lock is left, every migration has a history row if
 * and only if its objects exist, and a re-run applies every migration exactly once. Five kills by default;
 * {@code -Dpmoves.reliability.kills=N} (the {@code reliability} profile sets 25) for more; {@code
 * -Dpmoves.reliability.seed=S} repeats a run's moments.
 */
class KillTest {
    private static final int MIGRATIONS = 20;
    private static final int KILLS = Integer.getInteger("pmoves.reliability.kills", 5);
    private static final long SEED = Long.getLong("pmoves.reliability.seed", System.nanoTime());

    @TempDir
    Path root;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void killedApplyLeavesNoLockNoHalfMigrationAndARerunFinishes() throws Exception {
        System.out.println("KillTest: " + KILLS + " kills, -Dpmoves.reliability.seed=" + SEED);
        Random random = new Random(SEED);
        int midRun = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            MigrationsFixture db = new MigrationsFixture(root.resolve("kill" + kill), "kill_" + kill);
            db.file("20250101000000_runs.sql", "CREATE TABLE runs (migration int);\nINSERT INTO runs VALUES (1);\n");
            for (int i = 2; i <= MIGRATIONS; i++) {
                db.file(String.format("202501%02d_m.sql", i), "CREATE TABLE t" + i + " (id int);\n"
                        + "SELECT pg_sleep(0.05);\nINSERT INTO t" + i + " SELECT generate_series(1, 1000);\n"
                        + "INSERT INTO runs VALUES (" + i + ");\n");
            }
            Process process = start(db);
            long delayMs = random.nextInt(1000);
            waitForFirstMigration(process);
            Thread.sleep(delayMs);
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed JVM ends");
            awaitNoOtherSession(db);

            assertEquals(List.of("0"), db.column("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"),
                    "no advisory lock left after kill " + kill);
            int applied = assertHistoryMatchesObjects(db, kill);
            if (applied > 0 && applied < MIGRATIONS) {
                midRun++;
            }
            db.apply();
            assertEquals(MIGRATIONS, assertHistoryMatchesObjects(db, kill));
            List<String> once = new ArrayList<>();
            for (int i = 1; i <= MIGRATIONS; i++) {
                once.add(i + "x1");
            }
            assertEquals(once, db.column("SELECT migration || 'x' || count(*) FROM runs GROUP BY migration"
                    + " ORDER BY migration"), "every migration ran exactly once, after kill " + kill);
            System.out.println("KillTest: kill " + kill + ", " + delayMs + " ms after the first migration: " + applied
                    + " of " + MIGRATIONS + " migrations were applied, the re-run applied " + (MIGRATIONS - applied));
        }
        System.out.println("KillTest: " + KILLS + " kills, " + midRun + " in the middle of the migrations");
    }

    private static Process start(MigrationsFixture db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ApplyProcess.class.getName(),
                db.database.url(), db.database.user(), db.database.password(), db.directory.toString())
                .redirectErrorStream(true).start();
    }

    /** Reads the child's log until its first migration is applied (its JVM is warm then); its output is then drained in the background. */
    private static void waitForFirstMigration(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = out.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("INFO [1/")) {
                CompletableFuture.runAsync(() -> out.lines().forEach(l -> { }));
                return;
            }
        }
        throw new AssertionError("the apply process ended before it started migrating: " + seen);
    }

    /**
     * Waits until the killed run's sessions are gone: the idle lock session ends as soon as its socket closes, the
     * migration session when its statement (a pg_sleep) ends and it finds the client gone, rolling back.
     */
    private static void awaitNoOtherSession(MigrationsFixture db) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (db.column("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()").equals(List.of("0"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the killed run's sessions are still there after 30 s");
    }

    /** Each migration has a history row exactly when its table and its line in runs exist; returns how many. */
    private static int assertHistoryMatchesObjects(MigrationsFixture db, int kill) throws Exception {
        List<String> versions = db.exists("supabase_migrations.schema_migrations") ? db.versions() : List.of();
        int applied = 0;
        for (int i = 1; i <= MIGRATIONS; i++) {
            String version = i == 1 ? "20250101000000" : String.format("202501%02d", i);
            boolean recorded = versions.contains(version);
            boolean made = i == 1 ? db.exists("runs") : db.exists("t" + i);
            boolean ran = db.exists("runs") && !db.column("SELECT 1 FROM runs WHERE migration = " + i).isEmpty();
            assertEquals(recorded, made, "migration " + i + " after kill " + kill + ": history row vs table");
            assertEquals(recorded, ran, "migration " + i + " after kill " + kill + ": history row vs its line in runs");
            applied += recorded ? 1 : 0;
        }
        assertEquals(applied, versions.size(), "no other history row");
        return applied;
    }
}
