package ai.pmoves.engine.seed;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.Pending;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.history.HistoryTable;
import ai.pmoves.engine.hook.HookMoment;
import ai.pmoves.engine.hook.Hooks;
import ai.pmoves.engine.migration.Checksum;
import ai.pmoves.engine.migration.FailedMigrations;
import ai.pmoves.engine.script.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the init scripts and seed files that are new or changed (design.md: Goals; Files, names and order; History
 * tables): each file in one transaction with its row in the seed table, streamed so that its size does not matter. A
 * file that fails stops the run; the files before it stay applied.
 *
 * <p>{@code bootstrap} runs init scripts, migrations and seeds under one lock: it calls
 * {@link #seed(WorkSession, SeedOptions)} with {@code sources.initScriptsOnly()} before the migrations and with
 * {@code sources.seedsOnly()} after them.
 */
public final class Seeder {
    private final ConnectionSettings settings;
    private final EngineLog log;

    public Seeder(ConnectionSettings settings, EngineLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** Scans the files, connects, takes the migration lock of {@code options.historyTable()} and runs the seeds. */
    public SeedResult seed(SeedOptions options) {
        return seed(options, Hooks.NONE);
    }

    /**
     * {@link #seed(SeedOptions)}, then the afterSeed hooks of {@code hooks} in the same session and still under the
     * lock. They run even when there is no seed file, as bootstrap runs them; with neither, nothing connects.
     */
    public SeedResult seed(SeedOptions options, Hooks hooks) {
        long start = System.nanoTime();
        List<SeedFile> files = SeedScanner.scan(options.sources(), log);
        boolean afterSeed = hooks.has(HookMoment.AFTER_SEED);
        if (files.isEmpty() && !afterSeed) {
            return nothingToSeed(start, "");
        }
        // the lock is taken while the connection opens: in a fresh JVM each takes a while
        try (Pending<Connection> pending = Pending.connection(settings);
             Pending<AdvisoryLock> pendingLock = Pending.lock(settings, options.historyTable().toString(),
                     options.lockTimeout());
             WorkSession session = new WorkSession(settings, pending.join());
             AdvisoryLock lock = pendingLock.join()) {
            log.info("Seeding " + settings.maskedUrl() + " (PostgreSQL " + session.connection().getMetaData()
                    .getDatabaseProductVersion() + ")");
            SeedResult result = files.isEmpty() ? nothingToSeed(start, "; the afterSeed hooks run all the same")
                    : run(session, options, files, start);
            hooks.run(HookMoment.AFTER_SEED, session, log);
            return result;
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
    }

    /**
     * Runs the seeds in a session whose caller already holds the migration lock. Leaves its connection in auto-commit;
     * each file starts in a session as fresh as psql's would be (see {@link WorkSession}).
     */
    public SeedResult seed(WorkSession session, SeedOptions options) {
        long start = System.nanoTime();
        List<SeedFile> files = SeedScanner.scan(options.sources(), log);
        if (files.isEmpty() && options.sources().equals(options.sources().initScriptsOnly())) {
            // bootstrap's run before the migrations: "no seed files" there reads as if the seeds were not found
            log.debug("No init scripts: nothing to run before the migrations."); // no news: most projects have none
            return new SeedResult(List.of(), List.of(), List.of(), (System.nanoTime() - start) / 1_000_000);
        }
        if (files.isEmpty()) {
            return nothingToSeed(start, "");
        }
        try {
            return run(session, options, files, start);
        } catch (SQLException e) {
            throw settings.databaseError(e);
        }
    }

    private SeedResult run(WorkSession session, SeedOptions options, List<SeedFile> files, long start)
            throws SQLException {
        Connection connection = session.connection();
        // A migration that failed part-way left a schema no file describes: seeding it would pile on that.
        HistoryTable history = new HistoryTable(options.historyTable());
        FailedMigrations.refuse(history.readAll(connection), history);
        SeedTable table = new SeedTable(options.seedTable());
        table.ensure(connection);
        Map<String, SeedRow> rows = table.readAll(connection);
        log.info("Seed files tracked in " + table.name() + ", seedMode=" + options.mode().label());
        List<String> ran = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> changedNotRun = new ArrayList<>();
        try (Progress progress = Progress.every(options.progressEvery(), log)) {
            SeedRunner runner = new SeedRunner(session, table, connection.getMetaData().getDatabaseMajorVersion(), log,
                    progress);
            for (int i = 0; i < files.size(); i++) {
                SeedFile file = files.get(i);
                String line = "[" + (i + 1) + "/" + files.size() + "] " + file.path() + " … ";
                SeedRow row = rows.get(file.path());
                if (row == null || options.mode() == SeedMode.ALWAYS) {
                    // No hash needed to decide: the run computes it as it streams the file.
                    int ms = runner.run(file, null);
                    ran.add(file.path());
                    log.info(line + (row == null ? "ran" : "ran again (seedMode=always)") + ", " + ms + " ms");
                    continue;
                }
                String hash = Checksum.ofFile(file.file());
                if (hash.equals(row.hash())) {
                    unchanged.add(file.path());
                    log.info(line + "unchanged");
                } else if (options.mode() == SeedMode.ONCE) {
                    changedNotRun.add(file.path());
                    log.warn(line + "changed since it ran, not run again (seedMode=once)");
                } else {
                    int ms = runner.run(file, hash);
                    ran.add(file.path());
                    log.info(line + "ran again (changed), " + ms + " ms");
                }
            }
        }
        SeedResult result = new SeedResult(List.copyOf(ran), List.copyOf(unchanged), List.copyOf(changedNotRun),
                (System.nanoTime() - start) / 1_000_000);
        log.info(summary(result));
        return result;
    }

    private SeedResult nothingToSeed(long start, String hooksNote) {
        log.info("No seed files: nothing to seed" + hooksNote + ".");
        return new SeedResult(List.of(), List.of(), List.of(), (System.nanoTime() - start) / 1_000_000);
    }

    private static String summary(SeedResult r) {
        String notRun = r.changedNotRun().isEmpty() ? ""
                : ", " + r.changedNotRun().size() + " changed but not run again (seedMode=once)";
        if (r.ran().isEmpty()) {
            return "Nothing to seed: " + r.unchanged().size() + " unchanged" + notRun + ". " + r.millis() + " ms.";
        }
        return "Seeded " + r.ran().size() + " file" + (r.ran().size() == 1 ? "" : "s") + " (" + r.unchanged().size()
                + " unchanged" + notRun + ") in " + r.millis() + " ms.";
    }
}
