package ai.pmoves.maven;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.apply.PlanMode;
import java.io.File;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Applies pending migrations in time order, each in its own transaction with its history row, under a migration lock.
 * For example:
 * <pre>mvn pmoves:apply -Dpmoves.url=jdbc:postgresql://localhost:5432/postgres -Dpmoves.user=postgres</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "apply", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class ApplyMojo extends AbstractApplyMojo {

    /**
     * Run nothing: write the exact SQL that would run, with its transactions, to {@code target/pmoves/dry-run.sql}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /**
     * Seconds to wait for another run's migration lock before failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.lockTimeout", defaultValue = "60")
    protected int lockTimeout;

    /**
     * After a run that applied a migration or a definition, send NOTIFY pgrst, 'reload schema' so that a PostgREST
     * in front of the database serves the new schema without a restart.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.notifyPostgrest", defaultValue = "false")
    protected boolean notifyPostgrest;

    /**
     * Run exactly the release plan in this file (the plan.json of pmoves:plan, as the build published it), and only
     * if nothing moved since it was made. Before anything runs, under the migration lock, the apply checks that every
     * planned file is there with its planned checksum, that the history and the schema are as the plan found them,
     * and that the plan was made for this database by this plugin's major and minor version; anything that moved
     * refuses the run and is named, and the database is left unchanged. A migration or definition added after the
     * plan does not run: it waits for the next plan. The plan decides what runs: target, baseline and outOfOrder are
     * not read. With dryRun, the checks run and the dry run is written; nothing else.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.plan")
    protected File plan;

    @Inject
    public ApplyMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() {
        ApplyOptions options = applyOptions()
                .withDryRun(dryRun ? reportPath("dry-run.sql") : null)
                .withLockTimeout(Duration.ofSeconds(lockTimeout)).withNotifyPostgrest(notifyPostgrest)
                .withPlanMode(plan == null ? null : PlanMode.follow(plan.toPath(), pluginVersion()));
        new Migrator(connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog()).apply(options);
    }
}
