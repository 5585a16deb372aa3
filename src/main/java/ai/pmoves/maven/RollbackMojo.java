package ai.pmoves.maven;

import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.rollback.Reverter;
import ai.pmoves.engine.rollback.RollbackOptions;
import java.time.Duration;
import java.util.Map;
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
public class RollbackMojo extends AbstractPmovesMojo {

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
     * Psql variables for the down scripts, as psql -v gives them: :'name' is the value quoted as a literal, :"name"
     * quoted as an identifier, :name the value as is. -Dpmoves.var.NAME=value adds one or overrides it. Never printed.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> variables;

    /**
     * Psql variables whose values are secrets kept in settings.xml: each entry maps a variable's name to the id of a
     * server entry there, whose password, decrypted as for serverId, is the value. Never printed. Overrides an entry
     * of variables with the same name; -Dpmoves.var.NAME=value overrides both.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> secretVariables;

    @Inject
    public RollbackMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() {
        RollbackOptions options = RollbackOptions.of(
                        ConfiguredDirectory.of(migrationsPath(), migrationsDirectoryConfigured()),
                        ConfiguredDirectory.of(rollbackPath(), rollbackDirectory != null))
                .withHistoryTable(historyTableName()).withCount(count).withTarget(target).withForce(force)
                .withDryRun(dryRun ? reportPath("rollback-dry-run.sql") : null)
                .withLockTimeout(Duration.ofSeconds(lockTimeout));
        new Reverter(connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog()).rollback(options);
    }
}
