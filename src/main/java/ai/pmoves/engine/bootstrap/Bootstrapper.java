package ai.pmoves.engine.bootstrap;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.apply.ApplyResult;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.PendingConnection;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedResult;
import ai.pmoves.engine.seed.SeedScanner;
import ai.pmoves.engine.seed.Seeder;
import ai.pmoves.engine.supabase.PreparedItem;
import ai.pmoves.engine.supabase.StandInConnection;
import ai.pmoves.engine.supabase.SupabasePreparation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One command from an empty or half-built database to the project's full state (DESIGN §2, §6, §7): prepare the
 * Supabase objects, run the init scripts, apply pending migrations, run the seeds — all under one migration lock,
 * each file atomic and tracked, so a second run changes nothing.
 */
public final class Bootstrapper {
    private final ConnectionSettings settings;
    private final EngineLog log;

    public Bootstrapper(ConnectionSettings settings, EngineLog log) {
        this.settings = settings;
        this.log = log;
    }

    public BootstrapResult bootstrap(BootstrapOptions options) {
        long start = System.nanoTime();
        boolean dryRun = options.apply().dryRun();
        try (PendingConnection pending = PendingConnection.open(settings)) { // opens while the files are scanned
            // Names and directories of every step are checked before anything runs.
            MigrationScanner.scan(options.apply().migrationsDirectory(), "migrationsDirectory",
                    options.apply().directoryConfigured());
            SeedScanner.scan(options.seeds().sources(), EngineLog.SILENT);
            Seeder seeder = new Seeder(settings, log);
            Migrator migrator = new Migrator(settings, log);
            try (Connection opened = pending.join();
                 AdvisoryLock lock = dryRun ? null : AdvisoryLock.acquire(settings,
                         options.apply().historyTable().toString(), options.apply().lockTimeout())) {
                log.info("Bootstrapping " + settings.maskedUrl() + " (PostgreSQL "
                        + opened.getMetaData().getDatabaseProductVersion() + ")" + (dryRun ? ": dry run, only the"
                        + " migrations are planned; preparation, init scripts and seeds are not run" : ""));
                List<PreparedItem> prepared = new ArrayList<>();
                if (options.compat() != SupabaseCompat.OFF && !dryRun) {
                    prepared.addAll(SupabasePreparation.prepare(opened, options.compat() == SupabaseCompat.EMULATE));
                    prepared.forEach(this::report);
                }
                if (SupabasePreparation.changedDatabaseSettings(prepared)) {
                    // A session sees a database's settings as they were when it opened: the files get one that sees
                    // the preparation's, as each file's own session would on Supabase.
                    try (Connection fresh = settings.connect()) {
                        return runFiles(fresh, options, prepared, seeder, migrator, start);
                    }
                }
                return runFiles(opened, options, prepared, seeder, migrator, start);
            } catch (SQLException e) {
                throw settings.databaseError(e);
            }
        }
    }

    private BootstrapResult runFiles(Connection session, BootstrapOptions options, List<PreparedItem> prepared,
                                     Seeder seeder, Migrator migrator, long start) throws SQLException {
        boolean dryRun = options.apply().dryRun();
        Connection connection = options.compat() == SupabaseCompat.EMULATE && !dryRun
                ? StandInConnection.wrap(session, SupabasePreparation.stoodInExtensions(session), log) : session;
        SeedResult init = dryRun ? null : step(connection, () -> seeder.seed(connection,
                withSources(options.seeds(), options.seeds().sources().initScriptsOnly())));
        ApplyResult migrations = step(connection,
                () -> migrator.applyWithLockHeld(connection, options.apply()));
        SeedResult seeds = dryRun ? null : step(connection, () -> seeder.seed(connection,
                withSources(options.seeds(), options.seeds().sources().seedsOnly())));
        if (options.compat() != SupabaseCompat.OFF && !dryRun) {
            grantUsageOnTheFilesSchemas(connection, options, prepared);
        }
        BootstrapResult result = new BootstrapResult(prepared, init, migrations, seeds,
                (System.nanoTime() - start) / 1_000_000);
        log.info(summary(result));
        return result;
    }

    private <T> T step(Connection connection, java.util.function.Supplier<T> step) throws SQLException {
        connection.setAutoCommit(true); // each step manages its own transactions
        return step.get();
    }

    private void grantUsageOnTheFilesSchemas(Connection connection, BootstrapOptions options,
                                             List<PreparedItem> prepared) throws SQLException {
        List<Path> directories = new ArrayList<>();
        directories.add(options.apply().migrationsDirectory());
        directories.add(options.seeds().sources().initDirectory());
        directories.addAll(options.seeds().sources().seedDirectories());
        connection.setAutoCommit(true);
        for (PreparedItem item : SupabasePreparation.grantUsage(connection, SchemasCreated.in(directories))) {
            prepared.add(item);
            report(item);
        }
    }

    private static SeedOptions withSources(SeedOptions o, ai.pmoves.engine.seed.SeedSources sources) {
        return new SeedOptions(sources, o.mode(), o.seedTable(), o.historyTable(), o.lockTimeout());
    }

    private void report(PreparedItem item) {
        if (item.outcome() == PreparedItem.Outcome.LEFT_ALONE) {
            log.warn("Supabase preparation: " + item);
        } else {
            log.info("Supabase preparation: " + item);
        }
    }

    private static String summary(BootstrapResult r) {
        long created = r.prepared().stream().filter(i -> i.outcome() == PreparedItem.Outcome.CREATED).count();
        long repaired = r.prepared().stream().filter(i -> i.outcome() == PreparedItem.Outcome.REPAIRED).count();
        StringBuilder sb = new StringBuilder("Bootstrap done in ").append(r.millis()).append(" ms: ");
        sb.append(r.prepared().isEmpty() ? "no preparation" : "prepared " + created + " created, " + repaired
                + " repaired, " + (r.prepared().size() - created - repaired) + " present");
        if (r.initScripts() != null) {
            sb.append("; init scripts ").append(r.initScripts().ran().size()).append(" ran, ")
                    .append(r.initScripts().unchanged().size()).append(" unchanged");
        }
        sb.append("; migrations ").append(r.migrations().applied().size()).append(r.initScripts() == null
                ? " would be applied, " : " applied, ").append(r.migrations().upToDate()).append(" already applied");
        if (r.seeds() != null) {
            sb.append("; seeds ").append(r.seeds().ran().size()).append(" ran, ")
                    .append(r.seeds().unchanged().size()).append(" unchanged");
        }
        return sb.append('.').toString();
    }
}
