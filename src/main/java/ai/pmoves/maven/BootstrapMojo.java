package ai.pmoves.maven;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.seed.SeedMode;
import ai.pmoves.engine.seed.SeedOptions;
import java.io.File;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
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
public class BootstrapMojo extends AbstractSeedingMojo {

    /**
     * {@code auto}: create what scripts written for Supabase expect and a plain PostgreSQL lacks, each only where
     * missing (the API and platform roles; schemas auth, storage, realtime, extensions; pgcrypto and uuid-ossp in
     * extensions and the database search_path "$user", public, extensions; the auth helpers, auth.users and
     * auth.identities in GoTrue's shape; storage.buckets and storage.objects in the Storage service's shape with
     * storage.foldername/filename/extension; the supabase_realtime publication; the grants Supabase makes: USAGE on
     * public, extensions, auth and storage, and default privileges in public and storage, but nothing on the files'
     * own schemas, see grantSchemaUsage), and repair a GoTrue-shaped public.schema_migrations for Realtime. {@code emulate}: that, and
     * stand-ins for pg_net, pg_cron, supabase_vault, http and supabase_functions where the server lacks them, which
     * record what they are asked and do not do the real work; a file's CREATE EXTENSION of one of them then runs as
     * nothing. {@code off}: none of it. Unset: {@code emulate} on a server pmoves:start started (a throwaway),
     * {@code auto} anywhere else.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.supabaseCompat")
    protected String supabaseCompat;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /**
     * After the files ran, grant anon, authenticated and service_role USAGE on every schema the files create (CREATE
     * SCHEMA in a migration, init script or seed), as older versions of this plugin did. Supabase does not make that
     * grant: a project that forgot its own GRANT USAGE ON SCHEMA passes here with this set and fails on Supabase with
     * "permission denied for schema". A convenience that hides a real difference: leave it off, and add the grant to
     * the migration that creates the schema.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.grantSchemaUsage", defaultValue = "false")
    protected boolean grantSchemaUsage;

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

    /**
     * Directory of the definitions, run after the migrations and before the seeds when new or changed.
     * Default: supabase/definitions in the project directory, skipped when missing.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.definitionsDirectory")
    protected File definitionsDirectory;

    /**
     * Tell PostgREST to reload its schema cache (NOTIFY pgrst, 'reload schema') once the bootstrap applied a
     * migration or a definition.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.notifyPostgrest", defaultValue = "false")
    protected boolean notifyPostgrest;

    @Inject
    public BootstrapMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    private SupabaseCompat compat(ConnectionSettings settings) {
        if (supabaseCompat != null && !supabaseCompat.isBlank()) {
            return SupabaseCompat.parse(supabaseCompat);
        }
        if (ThrowawayServers.contains(project, settings.maskedUrl())) {
            getLog().info("supabaseCompat=emulate: the server was started by pmoves:start, a throwaway; set"
                    + " -Dpmoves.supabaseCompat=auto for the real objects only.");
            return SupabaseCompat.EMULATE;
        }
        return SupabaseCompat.AUTO;
    }

    @Override
    protected void run() {
        Duration timeout = Duration.ofSeconds(lockTimeout);
        ApplyOptions apply = ApplyOptions
                .of(migrationsDirectory())
                .withHistoryTable(historyTableName()).withTarget(target).withBaseline(baseline)
                .withOutOfOrder(outOfOrder).withDryRun(dryRun ? reportPath("dry-run.sql") : null)
                .withLockTimeout(timeout).withDefinitions(definitionSources(definitionsDirectory))
                .withHooks(hooks(hooksDirectory)).withNotifyPostgrest(notifyPostgrest);
        SeedOptions seeds = SeedOptions.of(seedSources()).withMode(SeedMode.parse(seedMode, "seedMode"))
                .withSeedTable(seedTableName()).withHistoryTable(historyTableName()).withLockTimeout(timeout);
        ConnectionSettings settings = connectionSettings().withVariables(psqlVariables(variables, secretVariables));
        new Bootstrapper(settings, engineLog()).bootstrap(new BootstrapOptions(apply, seeds, compat(settings))
                .withGrantSchemaUsage(grantSchemaUsage).withPreparationReport(reportPath("preparation.json")));
    }
}
