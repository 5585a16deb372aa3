package ai.pmoves.maven;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.seed.SeedMode;
import ai.pmoves.engine.seed.SeedOptions;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * One command from an empty or half-built database to the project's full state: prepares the Supabase roles,
 * schemas, auth helpers and publication where missing, runs the init scripts, applies pending migrations, runs the
 * seeds — under one migration lock, each file atomic and tracked. A second run changes nothing.
 * For example:
 * <pre>mvn pmoves:bootstrap -Dpmoves.url=jdbc:postgresql://localhost:5432/postgres -Dpmoves.user=postgres</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "bootstrap", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class BootstrapMojo extends AbstractSeedFilesMojo {

    /**
     * {@code auto}: create what scripts written for Supabase expect and a plain PostgreSQL lacks (roles anon,
     * authenticated, service_role; schemas auth, storage, realtime, extensions; auth.uid(), auth.role(), auth.email(),
     * auth.jwt(); a minimal auth.users; the supabase_realtime publication; USAGE on public and the files' schemas),
     * each only where missing, and repair a GoTrue-shaped public.schema_migrations for Realtime. {@code off}: none of it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.supabaseCompat", defaultValue = "auto")
    protected String supabaseCompat;

    /**
     * Apply migrations up to and including this version; later ones stay pending.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.target")
    protected String target;

    /**
     * Record every pending migration up to and including this version as {@code baseline}, without running it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.baseline")
    protected String baseline;

    /**
     * Allow pending migrations older than the newest applied one to run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.outOfOrder", defaultValue = "false")
    protected boolean outOfOrder;

    /**
     * Run nothing: plan the migrations into {@code target/pmoves/dry-run.sql}. The preparation, init scripts and seeds
     * are not run in a dry run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /**
     * When init scripts and seeds that already ran run again: {@code changed} (default), {@code always} or {@code once}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.seedMode", defaultValue = "changed")
    protected String seedMode;

    /**
     * Seconds to wait for another run's migration lock before failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.lockTimeout", defaultValue = "60")
    protected int lockTimeout;

    @Inject
    public BootstrapMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() {
        Duration timeout = Duration.ofSeconds(lockTimeout);
        ApplyOptions apply = new ApplyOptions(migrationsPath(), migrationsDirectoryConfigured(), historyTableName(),
                target, baseline, outOfOrder, dryRun, reportPath("dry-run.sql"), timeout);
        SeedOptions seeds = new SeedOptions(seedSources(), SeedMode.parse(seedMode, "seedMode"), seedTableName(),
                historyTableName(), timeout);
        new Bootstrapper(connectionSettings(), engineLog())
                .bootstrap(new BootstrapOptions(apply, seeds, SupabaseCompat.parse(supabaseCompat)));
    }
}
