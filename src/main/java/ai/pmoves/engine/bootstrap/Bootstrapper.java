package ai.pmoves.engine.bootstrap;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.apply.ApplyResult;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.db.AdvisoryLock;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.db.Pending;
import ai.pmoves.engine.db.WorkSession;
import ai.pmoves.engine.hook.HookMoment;
import ai.pmoves.engine.migration.MigrationScanner;
import ai.pmoves.engine.seed.SeedResult;
import ai.pmoves.engine.seed.SeedScanner;
import ai.pmoves.engine.seed.Seeder;
import ai.pmoves.engine.supabase.PreparationReport;
import ai.pmoves.engine.supabase.PreparedItem;
import ai.pmoves.engine.supabase.StandInConnection;
import ai.pmoves.engine.supabase.SupabasePreparation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One command from an empty or half-built database to the project's full state (design.md: Goals; The Supabase platform
 * layer; Applying migrations): prepare the Supabase objects, run the init scripts, apply pending migrations, run the
 * seeds — all under one migration lock, each file atomic and tracked, so a second run changes nothing.
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
        // the connection and the lock are opened while the files are scanned
        try (Pending<Connection> pending = Pending.connection(settings);
             Pending<AdvisoryLock> pendingLock = dryRun ? null : Pending.lock(settings,
                     options.apply().historyTable().toString(), options.apply().lockTimeout())) {
            // Names and directories of every step are checked before anything runs.
            MigrationScanner.scan(options.apply().migrationsDirectory());
            SeedScanner.scan(options.seeds().sources(), EngineLog.SILENT);
            Seeder seeder = new Seeder(settings, log);
            Migrator migrator = new Migrator(settings, log);
            try (WorkSession session = new WorkSession(settings, pending.join());
                 AdvisoryLock lock = pendingLock == null ? null : pendingLock.join()) {
                log.info("Bootstrapping " + settings.maskedUrl() + " (PostgreSQL "
                        + session.connection().getMetaData().getDatabaseProductVersion() + ")" + (dryRun ? ": dry run, only the"
                        + " migrations, definitions and their hooks are planned; preparation, init scripts and seeds"
                        + " are not run" : ""));
                List<PreparedItem> prepared = new ArrayList<>();
                if (options.compat() != SupabaseCompat.OFF && !dryRun) {
                    prepared.addAll(SupabasePreparation.prepare(session.connection(),
                            options.compat() == SupabaseCompat.EMULATE));
                    report(options, prepared);
                    if (SupabasePreparation.changedDatabaseSettings(prepared)) {
                        session.defaultsChanged(); // the files see the database's new search_path, as on Supabase
                    }
                    if (options.compat() == SupabaseCompat.EMULATE) {
                        Set<String> stoodIn = SupabasePreparation.stoodInExtensions(session.connection());
                        session.decorate(c -> StandInConnection.wrap(c, stoodIn, log));
                    }
                }
                SeedResult init = dryRun ? null : step(session, () -> seeder.seed(session,
                        options.seeds().withSources(options.seeds().sources().initScriptsOnly())));
                ApplyResult migrations = step(session, () -> migrator.applyWithLockHeld(session, options.apply()));
                SeedResult seeds = dryRun ? null : step(session, () -> seeder.seed(session,
                        options.seeds().withSources(options.seeds().sources().seedsOnly())));
                if (!dryRun) {
                    options.apply().hooks().run(HookMoment.AFTER_SEED, session, log);
                }
                if (options.grantSchemaUsage() && options.compat() != SupabaseCompat.OFF && !dryRun) {
                    grantUsageOnTheFilesSchemas(session.forNextFile(), options);
                }
                BootstrapResult result = new BootstrapResult(prepared, init, migrations, seeds,
                        (System.nanoTime() - start) / 1_000_000);
                log.info(summary(result));
                return result;
            } catch (SQLException e) {
                throw settings.databaseError(e);
            }
        }
    }

    private <T> T step(WorkSession session, java.util.function.Supplier<T> step) throws SQLException {
        session.connection().setAutoCommit(true); // each step manages its own transactions
        return step.get();
    }

    /**
     * grantSchemaUsage: USAGE for the API roles on the schemas the files create, which Supabase never grants. A
     * convenience that hides a real difference, so each grant it makes is a line of its own.
     */
    private void grantUsageOnTheFilesSchemas(Connection connection, BootstrapOptions options) throws SQLException {
        List<Path> directories = new ArrayList<>();
        directories.add(options.apply().migrationsDirectory().path());
        if (options.seeds().sources().initDirectory() != null) {
            directories.add(options.seeds().sources().initDirectory().path());
        }
        options.seeds().sources().seedDirectories().forEach(d -> directories.add(d.path()));
        connection.setAutoCommit(true);
        for (PreparedItem item : SupabasePreparation.grantUsage(connection, SchemasCreated.in(directories))) {
            if (item.outcome() == PreparedItem.Outcome.CREATED) {
                log.info("grantSchemaUsage: granted " + item.what() + ", which Supabase does not grant.");
            }
        }
    }


    /**
     * One line for the whole preparation, each item at debug level and in the report file; only an item left alone is
     * a warning of its own, since a file may fail for it.
     */
    private void report(BootstrapOptions options, List<PreparedItem> prepared) {
        String mode = options.compat().name().toLowerCase(Locale.ROOT);
        for (PreparedItem item : prepared) {
            if (item.outcome() == PreparedItem.Outcome.LEFT_ALONE) {
                log.warn("Supabase preparation: " + item);
            } else {
                log.debug("Supabase preparation: " + item);
            }
        }
        log.info(PreparationReport.summary(mode, prepared));
        if (options.preparationReport() != null) {
            PreparationReport.writeJson(mode, prepared, options.preparationReport());
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
        if (!r.migrations().definitions().isEmpty()) {
            sb.append("; definitions ").append(r.migrations().definitions().size())
                    .append(r.initScripts() == null ? " would run" : " ran");
        }
        if (r.seeds() != null) {
            sb.append("; seeds ").append(r.seeds().ran().size()).append(" ran, ")
                    .append(r.seeds().unchanged().size()).append(" unchanged");
        }
        return sb.append('.').toString();
    }
}
