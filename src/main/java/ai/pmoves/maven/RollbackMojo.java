package ai.pmoves.maven;

import ai.pmoves.engine.rollback.Reverter;
import ai.pmoves.engine.rollback.RollbackOptions;
import java.io.File;
import java.time.Duration;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Undoes applied migrations with their down scripts, newest first: each down script runs in one transaction with
 * the deletion of its history row, so the migration is pending again afterwards. The whole plan is checked before
 * anything runs. No default phase: a rollback must be asked for (or bound explicitly).
 * For example:
 * <pre>mvn pmoves:rollback -Dpmoves.count=2 -Dpmoves.url=jdbc:postgresql://localhost:5432/postgres</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractScriptsMojo {

    /**
     * How many of the newest applied migrations to undo. Default 1. Cannot be combined with {@code target}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.count")
    protected Integer count;

    /**
     * Undo every migration applied after this version (as {@code pmoves:status} lists it, or its file name); the
     * target itself stays applied. Cannot be combined with {@code count}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.target")
    protected String target;

    /**
     * Undo migrations that the plan check would otherwise refuse: ones whose file changed since they ran, ones whose
     * file is gone, and ones recorded as {@code baseline} (never run by the plugin).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.force", defaultValue = "false")
    protected boolean force;

    /**
     * Run nothing: write the exact SQL that would run, with its transactions, to {@code target/pmoves/rollback-dry-run.sql}.
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
     * Directory of the down scripts: the down script of {@code supabase/migrations/X.sql} is {@code X.sql} here.
     * Default: supabase/rollbacks in the project directory, outside the migrations directory so that the Supabase CLI
     * and psql loops never run a down script as a migration. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.rollbackDirectory")
    protected File rollbackDirectory;

    @Inject
    public RollbackMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() {
        RollbackOptions options = RollbackOptions.of(migrationsDirectory(),
                        rollbackDirectory(rollbackDirectory))
                .withHistoryTable(historyTableName()).withCount(count).withTarget(target).withForce(force)
                .withDryRun(dryRun ? reportPath("rollback-dry-run.sql") : null)
                .withLockTimeout(Duration.ofSeconds(lockTimeout));
        new Reverter(connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog()).rollback(options);
    }
}
