package ai.pmoves.maven;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.apply.PlanMode;
import ai.pmoves.engine.locks.LockWait;
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
     * How long each statement of a migration may wait for a lock (PostgreSQL's lock_timeout, set inside the
     * migration's transaction, or for each statement of a file that runs outside one): 500ms, 5s, 2m or ISO-8601
     * PT5S. A statement that waits longer fails instead of making every later query on its table queue behind it, and
     * the migration is rolled back and tried again (migrationLockRetries). When the tries run out the error names the
     * lock and the sessions in its way; the migration is not recorded and stays pending. Not set by default: a
     * statement waits as long as the server lets it.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.migrationLockTimeout")
    protected String migrationLockTimeout;

    /**
     * How many times a migration that gave up waiting for a lock (SQLSTATE 55P03) is tried again, after 1 s, 2 s,
     * 4 s, and so on up to 30 s between tries. Only with migrationLockTimeout; default 3. A file that runs outside a
     * transaction is tried again only when its first statement is the one that gave up.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.migrationLockRetries")
    protected Integer migrationLockRetries;

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
                .withPlanMode(plan == null ? null : PlanMode.follow(plan.toPath(), pluginVersion()))
                .withMigrationLockWait(migrationLockWait());
        new Migrator(connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog()).apply(options);
    }

    private LockWait migrationLockWait() {
        LockWait wait = LockWait.of(LockWait.parseDuration(migrationLockTimeout, "migrationLockTimeout"));
        if (migrationLockRetries == null || !wait.enabled()) {
            return wait;
        }
        if (migrationLockRetries < 0) {
            throw new PmovesException("migrationLockRetries " + migrationLockRetries + " is negative: give 0 (no"
                    + " retry) or more.");
        }
        return wait.withRetries(migrationLockRetries);
    }
}
